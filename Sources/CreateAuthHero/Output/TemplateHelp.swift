import Scaffold

/// Human-readable descriptions of the embedded templates, for `--help` and `list`.
enum TemplateHelp {
    /// The help discussion: how to pass values, then every template's variables.
    static var discussion: String {
        let listing: String
        do {
            listing = text(for: try EmbeddedTemplates.catalog())
        } catch {
            listing = "The embedded templates are invalid: \(error)\n"
        }
        return """
            Pass each variable as --set NAME=VALUE; secrets can also come from the environment as \
            CREATE_AUTHHERO_<NAME> (upper case) so they stay out of shell history. Without a terminal \
            (or with CI set, or --no-interactive) nothing is asked: give every value, or --yes for defaults.

            TEMPLATES

            """ + listing
    }

    /// One block per template: id, title, description, then one line per variable.
    static func text(for catalog: TemplateCatalog) -> String {
        catalog.templates.map { template in
            let manifest = template.manifest
            var block = "\(manifest.id) (\(manifest.version)): \(manifest.title)\n  \(manifest.description)\n"
            for variable in manifest.variables {
                var line = "    --set \(variable.name)=\(variable.placeholder)  \(variable.description)"
                if let value = variable.default { line += " [default: \(value)]" }
                if variable.type == .secret { line += " [secret; env \(variable.environmentName)]" }
                if variable.generateWhenAbsent { line += " [generated when absent]" }
                if let condition = variable.condition { line += " [when \(condition)]" }
                block += line + "\n"
            }
            return block
        }.joined(separator: "\n")
    }
}

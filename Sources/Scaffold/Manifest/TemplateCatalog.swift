import Foundation

/// Every template available to a run, in a stable order (by id).
public struct TemplateCatalog: Sendable {
    /// The templates, sorted by id.
    public let templates: [Template]

    /// Groups a flat file map (`<id>/template.json`, `<id>/files/...`) into templates.
    public init(files: [String: Data]) throws(ScaffoldError) {
        var grouped: [String: [String: Data]] = [:]
        for (path, data) in files {
            guard let slash = path.firstIndex(of: "/") else { continue }
            grouped[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = data
        }
        var templates: [Template] = []
        for (id, contents) in grouped.sorted(by: { $0.key < $1.key }) {
            guard let manifestData = contents["template.json"] else {
                throw .invalidManifest(template: id, reason: "template.json is missing")
            }
            let manifest: TemplateManifest
            do {
                manifest = try JSONDecoder().decode(TemplateManifest.self, from: manifestData)
            } catch {
                throw .invalidManifest(template: id, reason: "template.json does not decode: \(error)")
            }
            guard manifest.id == id else {
                throw .invalidManifest(template: id, reason: "its id '\(manifest.id)' differs from its folder name")
            }
            var sources: [String: Data] = [:]
            for (path, data) in contents where path.hasPrefix("files/") {
                sources[String(path.dropFirst("files/".count))] = data
            }
            templates.append(try Template(manifest: manifest, files: sources))
        }
        self.templates = templates
    }

    /// Reads a folder laid out like `Templates/` (`<id>/template.json`, `<id>/files/...`); used
    /// for templates that are not embedded, such as test fixtures.
    public init(folder: URL) throws(ScaffoldError) {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = data
        }
        try self.init(files: files)
    }

    /// The template with this id, or an error listing the available ones.
    public func template(id: String) throws(ScaffoldError) -> Template {
        guard let found = templates.first(where: { $0.manifest.id == id }) else {
            throw .unknownTemplate(id: id, available: templates.map(\.manifest.id))
        }
        return found
    }
}

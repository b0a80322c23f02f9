import Foundation

/// The `Templates/` folder as it was when this binary was built (see the `EmbedResources` plugin).
public enum EmbeddedTemplates {
    /// Every file below `Templates/`, keyed by its path relative to that folder
    /// (`single-tenant/template.json`, `single-tenant/files/README.md`, ...).
    public static let files: [String: Data] = decodeEmbedded(encodedFiles)

    /// The catalog of every embedded template, parsed once per process (help text, `list` and
    /// generation all read it).
    public static func catalog() throws(ScaffoldError) -> TemplateCatalog {
        try parsed.get()
    }

    private static let parsed = Result { () throws(ScaffoldError) in try TemplateCatalog(files: files) }
}

/// Decodes the base64 literals that the build plugin generates.
func decodeEmbedded(_ encoded: [String: String]) -> [String: Data] {
    encoded.mapValues { Data(base64Encoded: $0) ?? Data() }
}

import Foundation

/// The folders templates vendor, as they were when this binary was built (see the `EmbedResources` plugin).
public enum EmbeddedVendoredFiles {
    /// Every file below each vendored folder, keyed by its path relative to the generator's repository
    /// (`<folder>/Package.swift`, `<folder>/Sources/...`).
    public static let files: [String: Data] = decodeEmbedded(encodedFiles)
}

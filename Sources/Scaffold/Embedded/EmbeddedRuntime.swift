import Foundation

/// The AuthHero runtime sources as they were when this binary was built, ready to be vendored
/// into generated projects (as `AuthHero/Sources/<path>`).
public enum EmbeddedRuntime {
    /// Every file below `Sources/AuthHeroCore`, `Sources/AuthHeroSQLite`, `Sources/AuthHeroVerify`
    /// and `Sources/AuthHeroServer`, keyed by its path relative to `Sources/`
    /// (`AuthHeroCore/Tenant.swift`, ...).
    public static let files: [String: Data] = decodeEmbedded(encodedFiles)
}

/// A generated file's update policy.
public enum FileClass: String, Codable, Sendable, CaseIterable {
    /// Owned by the template: regenerated and merged on update; hashed in the answers file.
    case managed
    /// Written at creation and then owned by the user; hashed, never touched again.
    case once
    /// Written at creation and expected to change at run time (databases, `.env`); may hold
    /// random values; never hashed, diffed or updated; written readable by the owner only.
    case artifact
    /// Part of a vendored package (the `AuthHero/` runtime) owned by the generator: replaced as a
    /// whole on update, never merged; local edits stop an update unless it is forced.
    case vendored
}

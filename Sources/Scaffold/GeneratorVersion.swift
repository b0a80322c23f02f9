/// The version of the generator, recorded in every generated project's answers file.
public enum GeneratorVersion {
    /// The version of this build of the generator.
    public static let current = "0.1.0"
}

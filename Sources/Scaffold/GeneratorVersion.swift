/// The version of the generator, recorded in every generated project's answers file.
public enum GeneratorVersion {
    public static let current = "0.1.0"
}

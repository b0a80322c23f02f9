/// A setting the backend sample cannot start with; the description names the setting and how to fix it.
enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// A required setting is absent from both the process environment and `.env`.
    case missing(String)
    /// A setting has a value this service cannot use.
    case invalid(String, String)
    /// The `.env` file exists but cannot be read as UTF-8 text.
    case unreadableFile(String)

    var description: String {
        switch self {
        case .missing(let key):
            "\(key) is not set: put it in .env (create-authhero writes it there) or in the environment."
        case .invalid(let key, let reason):
            "\(key) is not usable: \(reason)."
        case .unreadableFile(let path):
            "\(path) could not be read as UTF-8 text."
        }
    }
}

/// A storage setting the runtime cannot use; the message names the setting and the values it accepts.
public enum StorageSettingError: Error, Equatable, CustomStringConvertible {
    /// `STORAGE` (or `--storage`) is neither `shared` nor `database-per-tenant`.
    case unknownLayout(String)
    /// `STORAGE_OPEN_FILES` is not a whole number of at least 1.
    case invalidOpenFiles(String)

    public var description: String {
        switch self {
        case .unknownLayout(let value):
            "Unknown storage \"\(value)\": use \"shared\" (one SQLite file) or \"database-per-tenant\" (one file per "
                + "tenant)."
        case .invalidOpenFiles(let value):
            "STORAGE_OPEN_FILES must be a whole number of at least 1 (how many tenant files stay open), not "
                + "\"\(value)\"."
        }
    }
}

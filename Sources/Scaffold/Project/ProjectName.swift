/// A validated project name and the spellings derived from it once, for templates to use.
///
/// The name is a directory name from which a Swift module name can be derived: it starts with a
/// letter, holds only letters, digits, `-`, `_` and `.`, and is neither hidden nor reserved.
public struct ProjectName: Sendable, Equatable {
    /// The name as given (`my-saas-auth`), available in templates as `{{name}}`.
    public let name: String
    /// `my-saas-auth` (`{{name_kebab}}`).
    public let kebab: String
    /// `MySaasAuth`, a valid Swift module name (`{{module_name}}`).
    public let moduleName: String
    /// `my_saas_auth` (`{{name_snake}}`).
    public let snake: String

    /// Names templates cannot declare as variables, because the generator derives them.
    public static let reservedVariables: Set<String> = ["name", "name_kebab", "module_name", "name_snake"]

    /// Module names a generated project already uses or imports; a project named after one would
    /// not build.
    static let reservedModules: Set<String> = [
        "swift", "foundation", "dispatch", "xctest", "testing", "glibc", "darwin", "crypto", "logging",
        "argumentparser", "mustache", "grdb", "hummingbird", "jwtkit", "authhero", "authherocore",
        "authherosqlite", "authheroverify", "authheroserver", "authherodev", "backendsample", "package",
    ]

    /// Names some file systems refuse.
    static let reservedFileNames: Set<String> = Set(["con", "prn", "aux", "nul"])
        .union((1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// Validates `name` and derives its spellings.
    /// - Throws: ``ScaffoldError/invalidProjectName(name:reason:suggestion:)`` with a suggested fix.
    public init(_ name: String) throws(ScaffoldError) {
        if let reason = Self.problem(with: name) {
            let suggestion = Self.suggestion(for: name)
            throw .invalidProjectName(name: name, reason: reason, suggestion: suggestion == name ? nil : suggestion)
        }
        let words = Self.words(in: name)
        self.name = name
        kebab = words.joined(separator: "-")
        snake = words.joined(separator: "_")
        moduleName = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Why `name` cannot be used, or nil if it can.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "it is not a directory name" }
        if name.hasPrefix(".") { return "it would be a hidden directory" }
        if name.count > 64 { return "it is longer than 64 characters" }
        guard let first = name.unicodeScalars.first, first.isASCIILetter else {
            return "it must start with a letter (a-z, A-Z) so that a Swift module name can be derived"
        }
        if let bad = name.unicodeScalars.first(where: {
            !($0.isASCIILetter || $0.isASCIIDigit || "-_.".unicodeScalars.contains($0))
        }) {
            return "it contains '\(bad)'; use only letters, digits, '-', '_' and '.'"
        }
        let lowered = name.lowercased()
        if reservedFileNames.contains(lowered) { return "some file systems reserve it" }
        let module = words(in: name).joined()
        if reservedModules.contains(module) { return "its module name would clash with a module the project uses" }
        return nil
    }

    /// A usable name close to `name`: lower-cased, invalid characters replaced by `-`.
    static func suggestion(for name: String) -> String {
        var words = Self.words(in: name)
        while let first = words.first, first.unicodeScalars.first?.isASCIILetter != true {
            words.removeFirst()
        }
        var fixed = String(words.joined(separator: "-").prefix(64))
        if fixed.isEmpty { fixed = "my-authhero-app" }
        if problem(with: fixed) != nil { fixed += "-app" }
        return fixed
    }

    /// Lower-cased words, split at separators and before an upper-case letter that follows a
    /// lower-case letter or digit (`mySaasAuth-v2` → `my`, `saas`, `auth`, `v2`).
    static func words(in name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Unicode.Scalar?
        for scalar in name.unicodeScalars {
            guard scalar.isASCIILetter || scalar.isASCIIDigit else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, scalar.isASCIIUpper, previous.isASCIILower || previous.isASCIIDigit, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
            previous = scalar
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }
}

extension Unicode.Scalar {
    var isASCIILower: Bool { ("a"..."z").contains(self) }
    var isASCIIUpper: Bool { ("A"..."Z").contains(self) }
    var isASCIILetter: Bool { isASCIILower || isASCIIUpper }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

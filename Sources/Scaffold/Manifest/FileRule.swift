/// How the files matching a glob are generated: class, condition, mode, output path, rendering.
public struct FileRule: Codable, Equatable, Sendable {
    /// Which files the rule applies to, relative to the template's `files/` folder (see ``Glob``).
    public let match: String
    /// The update policy of the matching files; `managed` when absent.
    public let `class`: FileClass
    /// When the files are generated (see ``Condition``); absent means always.
    public let condition: String?
    /// Whether the written files get the executable bit.
    public let executable: Bool
    /// A Mustache template for the output path (`.gitignore` for a file stored as `gitignore`, so
    /// that it does not apply inside this repository); absent means the path under `files/`,
    /// itself rendered (`Sources/{{module_name}}/main.swift`).
    public let path: String?
    /// False for files copied byte for byte (JavaScript, HTML views that are Mustache themselves).
    public let render: Bool
    /// A Mustache template for the output path the file had in earlier template versions
    /// (`renamed_from`); `update` moves the user's copy there before merging.
    public let renamedFrom: String?

    public init(
        match: String, class: FileClass = .managed, condition: String? = nil, executable: Bool = false,
        path: String? = nil, render: Bool = true, renamedFrom: String? = nil
    ) {
        self.match = match
        self.class = `class`
        self.condition = condition
        self.executable = executable
        self.path = path
        self.render = render
        self.renamedFrom = renamedFrom
    }

    private enum CodingKeys: String, CodingKey {
        case match, `class`, condition, executable, path, render
        case renamedFrom = "renamed_from"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        match = try container.decode(String.self, forKey: .match)
        `class` = try container.decodeIfPresent(FileClass.self, forKey: .class) ?? .managed
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
        executable = try container.decodeIfPresent(Bool.self, forKey: .executable) ?? false
        path = try container.decodeIfPresent(String.self, forKey: .path)
        render = try container.decodeIfPresent(Bool.self, forKey: .render) ?? true
        renamedFrom = try container.decodeIfPresent(String.self, forKey: .renamedFrom)
    }

    /// The rule for files no rule matches.
    public static func defaults(for path: String) -> FileRule { FileRule(match: path) }
}

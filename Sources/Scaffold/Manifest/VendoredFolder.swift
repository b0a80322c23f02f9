/// A folder of the generator's repository that a template copies byte for byte into generated projects, at the same
/// path: written in a manifest's `vendored` list as its name (`"AuthHero"`, always vendored) or as
/// `{"folder": "…", "condition": "…"}`, vendored only when the ``Condition`` holds for the answers.
public struct VendoredFolder: Codable, Equatable, Sendable, ExpressibleByStringLiteral {
    /// The folder's path relative to the generator's repository (and to the generated project).
    public let folder: String
    /// When the folder is vendored; absent means always.
    public let condition: String?

    public init(folder: String, condition: String? = nil) {
        self.folder = folder
        self.condition = condition
    }

    public init(stringLiteral folder: String) {
        self.init(folder: folder)
    }

    private enum CodingKeys: String, CodingKey {
        case folder, condition
    }

    public init(from decoder: any Decoder) throws {
        if let folder = try? decoder.singleValueContainer().decode(String.self) {
            self.init(folder: folder)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            folder: try container.decode(String.self, forKey: .folder),
            condition: try container.decodeIfPresent(String.self, forKey: .condition))
    }

    public func encode(to encoder: any Encoder) throws {
        guard let condition else {
            var container = encoder.singleValueContainer()
            try container.encode(folder)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(folder, forKey: .folder)
        try container.encode(condition, forKey: .condition)
    }

    /// Whether the folder is vendored into a project generated with `answers`; a condition that does not parse
    /// never holds (``Template`` refuses such a manifest when it loads).
    public func applies(to answers: [String: AnswerValue]) -> Bool {
        guard let condition else { return true }
        return Condition(condition)?.holds(in: answers) ?? false
    }
}

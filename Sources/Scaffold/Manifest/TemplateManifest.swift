/// What a template says about itself: decoded from `Templates/<id>/template.json`.
///
/// The manifest alone drives prompts, `--set` flags, validation, `--help` and `list --json`.
public struct TemplateManifest: Codable, Equatable, Sendable {
    /// Stable identifier, used with `--template`; equals the template's folder name.
    public let id: String
    /// A short human title for pickers.
    public let title: String
    /// One line saying what the generated project is.
    public let description: String
    /// The template's own version (dotted numbers, `1.4.0`), recorded in answers files; bumped
    /// whenever the rendered output changes, so that `check` and `update` can see it.
    public let version: String
    /// One line per released version saying what changed, by version; must name ``version``.
    public let changelog: [String: String]
    /// Questions in the order they are asked.
    public let variables: [TemplateVariable]
    /// Rules for the files under `files/`, first match wins; unmatched files use the defaults.
    public let files: [FileRule]
    /// Folders of the generator's repository copied byte for byte into generated projects at the same path
    /// (``VendoredFolders``), each when its condition holds: replaced as a whole by `update`, never merged.
    public let vendored: [VendoredFolder]
    /// What to do after generating, one line each (Mustache over the answers, never the secrets): the generator
    /// prints them under "Next steps", after `cd <directory>`.
    public let nextSteps: [String]

    public init(
        id: String, title: String, description: String, version: String,
        variables: [TemplateVariable], files: [FileRule] = [], changelog: [String: String]? = nil,
        vendored: [VendoredFolder] = [], nextSteps: [String] = []
    ) {
        self.vendored = vendored
        self.nextSteps = nextSteps
        self.id = id
        self.title = title
        self.description = description
        self.version = version
        self.variables = variables
        self.files = files
        self.changelog = changelog ?? [version: "First release."]
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, description, version, variables, files, changelog, vendored, nextSteps
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        version = try container.decode(String.self, forKey: .version)
        variables = try container.decodeIfPresent([TemplateVariable].self, forKey: .variables) ?? []
        files = try container.decodeIfPresent([FileRule].self, forKey: .files) ?? []
        changelog = try container.decodeIfPresent([String: String].self, forKey: .changelog) ?? [:]
        vendored = try container.decodeIfPresent([VendoredFolder].self, forKey: .vendored) ?? []
        nextSteps = try container.decodeIfPresent([String].self, forKey: .nextSteps) ?? []
    }

    /// The variable called `name`, if the template declares one.
    public func variable(named name: String) -> TemplateVariable? {
        variables.first { $0.name == name }
    }

    /// The first rule whose glob matches `path` (relative to `files/`), if any.
    public func rule(for path: String) -> FileRule? {
        files.first { Glob($0.match).matches(path) }
    }
}

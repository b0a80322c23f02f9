import Foundation

/// Where a generated project stands against the generator's template: what `check` reports.
public struct TemplateStatus: Sendable, Equatable, Codable {
    /// The template id.
    public let template: String
    /// The version the project was generated or last updated with.
    public let projectVersion: String
    /// The version this generator has.
    public let generatorVersion: String
    /// Changelog lines of the versions newer than the project's, oldest first (`version: line`).
    public let changes: [String]

    /// Whether the generator has a newer version than the project.
    public let updateAvailable: Bool

    private enum CodingKeys: String, CodingKey {
        case template, changes
        case updateAvailable = "update_available"
        case projectVersion = "project_version"
        case generatorVersion = "generator_version"
    }

    /// Compares `project` with `template`.
    /// - Throws: ``ScaffoldError/templateMismatch(project:offered:)``, or
    ///   ``ScaffoldError/downgrade(template:project:generator:)`` when the project is newer.
    public init(project: GeneratedProject, template: Template) throws(ScaffoldError) {
        let manifest = template.manifest
        guard project.record.template.id == manifest.id else {
            throw .templateMismatch(project: project.record.template.id, offered: manifest.id)
        }
        guard let recorded = TemplateVersion(project.record.template.version),
            let current = TemplateVersion(manifest.version)
        else {
            throw .invalidAnswersFile(
                path: project.directory.appendingPathComponent(AnswersFile.path).path,
                reason: "template version '\(project.record.template.version)' is not dotted numbers")
        }
        guard recorded <= current else {
            throw .downgrade(
                template: manifest.id, project: project.record.template.version, generator: manifest.version)
        }
        self.template = manifest.id
        projectVersion = project.record.template.version
        generatorVersion = manifest.version
        updateAvailable = recorded < current
        changes = manifest.changelog.compactMap { key, line -> (TemplateVersion, String)? in
            guard let version = TemplateVersion(key), version > recorded, version <= current else { return nil }
            return (version, "\(key): \(line)")
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }
}

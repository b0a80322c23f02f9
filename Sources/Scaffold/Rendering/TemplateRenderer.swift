import Foundation
import Mustache

/// Renders a template with a set of answers into a ``RenderedTree``, entirely in memory.
///
/// Output is deterministic for managed and once files: files are sorted, line endings are LF,
/// trailing newlines are kept, and nothing reads the clock or a random source. Only optional
/// secrets marked `generateWhenAbsent` draw random values, and only artifacts can see them.
public struct TemplateRenderer: Sendable {
    /// Makes Mustache emit values as they are: generated code is not HTML.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The template to render.
    public let template: Template

    public init(template: Template) {
        self.template = template
    }

    /// Renders every file whose rule's condition holds, plus the answers file and the pristine copy.
    ///
    /// `extra` files produced by code rather than Mustache (the vendored runtime) join the tree
    /// before it is recorded, so that they are hashed and kept like rendered ones.
    public func render(name: ProjectName, answers: Answers, extra: [RenderedFile] = []) throws(ScaffoldError)
        -> RenderedTree
    {
        let manifest = template.manifest
        var secrets = answers.secrets
        for variable in manifest.variables where variable.generateWhenAbsent && secrets[variable.name] == nil {
            if let condition = variable.condition.flatMap(Condition.init), !condition.holds(in: answers.values) {
                continue
            }
            secrets[variable.name] = Self.randomSecret()
        }
        let context = RenderContext(
            name: name, answers: answers, secrets: secrets, choices: template.manifest.variables)

        var files: [RenderedFile] = []
        var seen: [String: String] = [:]
        for source in template.files.keys.sorted() {
            let rule = manifest.rule(for: source) ?? .defaults(for: source)
            if let condition = rule.condition.flatMap(Condition.init), !condition.holds(in: answers.values) { continue }
            let values = context.values(for: rule.class)
            let path = try outputPath(try render(rule.path ?? source, values, at: source), source: source)
            if let other = seen.updateValue(source, forKey: path) {
                throw .renderFailed(path: source, reason: "it renders to '\(path)', like '\(other)'")
            }
            let bytes = template.files[source]!
            let contents: Data
            if rule.render {
                guard let text = String(data: bytes, encoding: .utf8) else {
                    throw .renderFailed(path: source, reason: "it is not UTF-8 text; mark it \"render\": false")
                }
                contents = Data(try render(text, values, at: source).utf8)
            } else {
                contents = bytes
            }
            var renamedFrom: String?
            if let old = rule.renamedFrom {
                renamedFrom = try outputPath(try render(old, values, at: source), source: source)
            }
            files.append(
                RenderedFile(
                    path: path, contents: contents, class: rule.class, executable: rule.executable,
                    renamedFrom: renamedFrom))
        }
        for file in extra {
            if seen.updateValue("(code)", forKey: file.path) != nil {
                throw .renderFailed(
                    path: file.path, reason: "it is produced by code and also rendered from the template")
            }
        }
        let hashed = RenderedTree(files: files + extra, secrets: secrets)
        let record = AnswersFile(name: name, manifest: manifest, answers: answers, tree: hashed)
        return hashed.adding(try record.renderedFile()).adding(try PristineCopy(tree: hashed).renderedFile())
    }

    /// The manifest's next steps for this project, rendered with the answers (secrets stay out); a step that renders
    /// empty (a section for another answer) is left out.
    public func nextSteps(name: ProjectName, answers: Answers) throws(ScaffoldError) -> [String] {
        let values = RenderContext(name: name, answers: answers, secrets: [:], choices: template.manifest.variables)
            .values(for: .managed)
        var lines: [String] = []
        for (index, line) in template.manifest.nextSteps.enumerated() {
            let step = try render(line, values, at: "template.json nextSteps[\(index)]")
            if !step.isEmpty { lines.append(step) }
        }
        return lines
    }

    /// Renders Mustache text with LF line endings.
    private func render(_ text: String, _ values: [String: Any], at source: String) throws(ScaffoldError) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        do {
            return try MustacheTemplate(string: Self.textPragma + normalized).render(values)
        } catch {
            throw .renderFailed(path: source, reason: "\(error)")
        }
    }

    /// Checks that a rendered path stays inside the project: relative, no empty, `.` or `..`
    /// components. Variables can reach paths, so this is where a hostile answer would escape.
    private func outputPath(_ path: String, source: String) throws(ScaffoldError) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
            path != AnswersFile.path, path != PristineCopy.path
        else {
            throw .renderFailed(path: source, reason: "its output path '\(path)' is not a plain relative path")
        }
        return path
    }

    /// 24 characters from a 62-letter alphabet: about 143 bits.
    static func randomSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

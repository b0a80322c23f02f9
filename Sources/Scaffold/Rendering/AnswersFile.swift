import Crypto
import Foundation

/// `.create-authhero/answers.json`: what the generator did, recorded in the generated project so
/// that the same project can be generated again (`--answers-file`) and later updated or checked.
///
/// Secrets are never stored. Hashes cover `managed` and `once` files only: artifacts change at run
/// time by design. Keys are sorted so the file itself is deterministic.
public struct AnswersFile: Codable, Equatable, Sendable {
    /// Where the file lives inside a generated project.
    public static let path = ".create-authhero/answers.json"

    /// Which template, at which version.
    public struct TemplateReference: Codable, Equatable, Sendable {
        public let id: String
        public let version: String
    }

    /// The generator version that wrote the project.
    public let generatorVersion: String
    /// The template and version the project came from.
    public let template: TemplateReference
    /// The project name the files were rendered with.
    public let name: String
    /// Non-secret answers by variable name.
    public let answers: [String: AnswerValue]
    /// SHA-256 (lower-case hex) of every managed and once file, by path.
    public let files: [String: String]

    init(name: ProjectName, manifest: TemplateManifest, answers: Answers, tree: RenderedTree) {
        generatorVersion = GeneratorVersion.current
        template = TemplateReference(id: manifest.id, version: manifest.version)
        self.name = name.name
        self.answers = answers.values
        var files: [String: String] = [:]
        for file in tree.files where file.class != .artifact {
            files[file.path] = Self.hash(file.contents)
        }
        self.files = files
    }

    /// SHA-256 of `data`, lower-case hex, as recorded in ``files``.
    public static func hash(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads an answers file.
    public static func read(from url: URL) throws(ScaffoldError) -> AnswersFile {
        do {
            return try JSONDecoder().decode(AnswersFile.self, from: Data(contentsOf: url))
        } catch {
            throw .invalidAnswersFile(path: url.path, reason: "\(error)")
        }
    }

    /// The answers as text values, as if given with `--set`.
    public var givenValues: [String: String] {
        answers.mapValues(\.description)
    }

    func renderedFile() throws(ScaffoldError) -> RenderedFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(self) + Data("\n".utf8)
            return RenderedFile(path: Self.path, contents: data, class: .managed, executable: false)
        } catch {
            throw .renderFailed(path: Self.path, reason: "\(error)")
        }
    }
}

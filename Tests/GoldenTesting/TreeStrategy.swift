import Foundation
import Scaffold

/// A golden tree lives in `Tests/Golden/<template>/<preset>/`. Every file carries a `.golden` suffix so the recorded
/// tree is inert here (a recorded `.gitignore` would otherwise apply to the golden tree itself); the executable bit
/// is the file's own mode. Artifacts are stored in a canonical form with every secret value replaced by
/// `<secret:NAME>`. The pristine copy is left out: it repeats the managed files byte for byte.
extension GoldenStrategy where Value == RenderedTree {
    /// A rendered tree compared with the golden tree in `folder`.
    ///
    /// Re-recording changed output under the template version the golden tree was recorded with (its answers file)
    /// fails: projects at that version could not tell they are out of date.
    public static func tree(folder: URL) -> Self {
        Self { tree, recording in
            let actual = GoldenTreeFile.files(of: tree)
            let recorded = try GoldenTreeFile.files(under: folder)
            if recording {
                if actual.mapValues(\.contents) != recorded.mapValues(\.contents),
                    let unbumped = GoldenTreeFile.unbumpedVersion(of: tree, recorded: recorded)
                {
                    return unbumped
                }
                try? FileManager.default.removeItem(at: folder)
                try GoldenTreeFile.write(actual, to: folder)
                return nil
            }
            var problems: [String] = []
            for path in Set(recorded.keys).union(actual.keys).sorted() {
                switch (recorded[path], actual[path]) {
                case (nil, _): problems.append("unexpected file \(path)")
                case (_, nil): problems.append("missing file \(path)")
                case (let golden?, let rendered?) where golden.contents != rendered.contents:
                    guard let goldenText = String(data: golden.contents, encoding: .utf8),
                        let renderedText = String(data: rendered.contents, encoding: .utf8)
                    else {
                        problems.append("binary file \(path) differs")
                        continue
                    }
                    problems.append(goldenDiff(recorded: goldenText, actual: renderedText, path: path))
                case (let golden?, let rendered?) where golden.executable != rendered.executable:
                    problems.append("executable bit differs for \(path): golden \(golden.executable)")
                default: break
                }
            }
            return problems.isEmpty ? nil : problems.joined(separator: "\n")
        }
    }
}

/// One file of a golden tree: its bytes and whether it is executable, keyed by its path with the `.golden` suffix.
struct GoldenTreeFile: Equatable {
    static let suffix = ".golden"
    var contents: Data
    var executable: Bool

    /// `tree` in golden form.
    static func files(of tree: RenderedTree) -> [String: GoldenTreeFile] {
        var files: [String: GoldenTreeFile] = [:]
        for file in tree.files where file.path != PristineCopy.path {
            files[file.path + suffix] = GoldenTreeFile(
                contents: canonical(file, secrets: tree.secrets), executable: file.executable)
        }
        return files
    }

    /// The canonical bytes of a rendered file: artifacts with secrets masked, others as they are.
    static func canonical(_ file: RenderedFile, secrets: [String: String]) -> Data {
        guard file.class == .artifact else { return file.contents }
        var text = String(decoding: file.contents, as: UTF8.self)
        for (name, value) in secrets.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: value, with: "<secret:\(name)>")
        }
        return Data(text.utf8)
    }

    /// The golden tree recorded in `folder`; empty when nothing is recorded yet.
    static func files(under folder: URL) throws -> [String: GoldenTreeFile] {
        var found: [String: GoldenTreeFile] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [:] }
        for case let url as URL in walker
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            found[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = GoldenTreeFile(
                contents: try Data(contentsOf: url),
                executable: FileManager.default.isExecutableFile(atPath: url.path))
        }
        return found
    }

    static func write(_ files: [String: GoldenTreeFile], to folder: URL) throws {
        for (path, file) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url)
            try FileManager.default.setAttributes(
                [.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
    }

    /// A message when changed output renders the template version the recorded tree was recorded with.
    static func unbumpedVersion(of tree: RenderedTree, recorded: [String: GoldenTreeFile]) -> String? {
        guard let data = recorded[AnswersFile.path + suffix]?.contents,
            let recordedAnswers = try? JSONDecoder().decode(AnswersFile.self, from: data),
            let current = tree.file(at: AnswersFile.path).flatMap({
                try? JSONDecoder().decode(AnswersFile.self, from: $0.contents)
            }),
            recordedAnswers.template.version == current.template.version
        else { return nil }
        return
            "the output of template '\(current.template.id)' changed but its version is still \(current.template.version): "
            + "bump \"version\" in its template.json and add a \"changelog\" line, then re-record"
    }
}

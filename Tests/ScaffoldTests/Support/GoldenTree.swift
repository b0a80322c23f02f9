import Foundation
import Scaffold

/// Golden-file comparison of rendered trees: a small helper in the spirit of snapshot testing.
///
/// A golden tree lives in `Tests/Golden/<template>/<preset>/`. Every file carries a `.golden`
/// suffix so the recorded tree is inert here (a recorded `.gitignore` would otherwise apply to the
/// golden tree itself); the executable bit is the file's own mode. Artifacts are stored in a
/// canonical form with every secret value replaced by `<secret:NAME>`. The pristine copy is left
/// out: it repeats the managed files byte for byte.
/// `RECORD_GOLDEN=1 swift test` re-records; otherwise trees are only compared. Re-recording
/// changed output under the template version the golden tree was recorded with (its answers
/// file) fails: projects at that version could not tell they are out of date.
struct GoldenTree {
    static let suffix = ".golden"
    let folder: URL

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The canonical bytes of a rendered file: artifacts with secrets masked, others as they are.
    static func canonical(_ file: RenderedFile, secrets: [String: String]) -> Data {
        guard file.class == .artifact else { return file.contents }
        var text = String(decoding: file.contents, as: UTF8.self)
        for (name, value) in secrets.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: value, with: "<secret:\(name)>")
        }
        return Data(text.utf8)
    }

    /// Writes `tree` in golden form to `destination`.
    static func write(_ tree: RenderedTree, to destination: URL) throws {
        for file in tree.files where file.path != PristineCopy.path {
            let url = destination.appendingPathComponent(file.path + suffix)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try canonical(file, secrets: tree.secrets).write(to: url)
            try FileManager.default.setAttributes(
                [.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
    }

    /// Compares `tree` with the golden folder (or records it); returns a unified diff when they differ.
    func verify(_ tree: RenderedTree, recording: Bool = Self.recording) throws -> String? {
        if recording {
            if let unbumped = try changedWithoutVersionBump(tree) { return unbumped }
            try? FileManager.default.removeItem(at: folder)
            try Self.write(tree, to: folder)
            return nil
        }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("golden-actual-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: actual) }
        try Self.write(tree, to: actual)
        var problems: [String] = []
        let expectedFiles = try Repository.files(under: folder)
        let actualFiles = try Repository.files(under: actual)
        for path in Set(expectedFiles.keys).union(actualFiles.keys).sorted() {
            let expectedURL = folder.appendingPathComponent(path)
            let actualURL = actual.appendingPathComponent(path)
            switch (expectedFiles[path], actualFiles[path]) {
            case (nil, _): problems.append("unexpected file \(path)")
            case (_, nil): problems.append("missing file \(path)")
            case (let expected?, let rendered?) where expected != rendered:
                problems.append(Self.unifiedDiff(expectedURL, actualURL))
            default:
                let expectedMode = FileManager.default.isExecutableFile(atPath: expectedURL.path)
                let actualMode = FileManager.default.isExecutableFile(atPath: actualURL.path)
                if expectedMode != actualMode {
                    problems.append("executable bit differs for \(path): golden \(expectedMode)")
                }
            }
        }
        guard !problems.isEmpty else { return nil }
        return problems.joined(separator: "\n")
            + "\nRe-record with RECORD_GOLDEN=1 swift test if the change is intended."
    }

    /// A message when `tree` differs from the recorded golden tree but renders the template version
    /// that tree was recorded with.
    private func changedWithoutVersionBump(_ tree: RenderedTree) throws -> String? {
        let recordedAnswers = folder.appendingPathComponent(AnswersFile.path + Self.suffix)
        guard let data = FileManager.default.contents(atPath: recordedAnswers.path),
            let recorded = try? JSONDecoder().decode(AnswersFile.self, from: data),
            let current = tree.file(at: AnswersFile.path).flatMap({
                try? JSONDecoder().decode(AnswersFile.self, from: $0.contents)
            }),
            recorded.template.version == current.template.version
        else { return nil }
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("golden-record-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: fresh) }
        try Self.write(tree, to: fresh)
        guard try Repository.files(under: fresh) != Repository.files(under: folder) else { return nil }
        return
            "the output of template '\(current.template.id)' changed but its version is still \(current.template.version): "
            + "bump \"version\" in its template.json and add a \"changelog\" line, then re-record"
    }

    /// `diff -u` of two files.
    static func unifiedDiff(_ expected: URL, _ actual: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", expected.path, actual.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            return "\(expected.path) differs (diff unavailable: \(error))"
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}

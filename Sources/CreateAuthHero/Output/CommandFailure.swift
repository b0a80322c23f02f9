import ArgumentParser
import Foundation
import Scaffold

/// The one place where engine errors become messages on stderr and exit codes.
///
/// 64 (EX_USAGE): a problem with what was asked (answers, template, name, path, answers file).
/// 73 (EX_CANTCREAT): the target holds files that would change. 74 (EX_IOERR): the disk failed.
/// 70 (EX_SOFTWARE): an embedded template is broken, or seeding the control plane failed.
///
/// The lifecycle commands speak the CI conventions of cruft and Copier instead: `update` exits 1
/// when it wrote conflict markers; `check` exits 2 when an update is available and 1 on any error;
/// `diff --exit-code` exits 1 when there are local changes.
enum CommandFailure {
    static let usage: Int32 = 64
    /// `update` wrote conflict markers.
    static let updateConflicts: Int32 = 1
    /// `check`: a newer template version is available.
    static let updateAvailable: Int32 = 2
    /// `check`: any error (not a generated project, unreadable answers file, ...).
    static let checkFailed: Int32 = 1
    /// `diff --exit-code`: the project has local changes.
    static let localChanges: Int32 = 1
    /// Seeding the generated project's database failed (nothing was written).
    static let seedFailed: Int32 = 70

    static func exitCode(for error: ScaffoldError) -> Int32 {
        switch error {
        case .answerProblems, .unknownTemplate, .invalidProjectName, .invalidTarget, .invalidAnswersFile,
            .notAGeneratedProject, .templateMismatch, .downgrade, .uncommittedChanges, .noPristineCopy:
            return usage
        case .targetNotEmpty, .vendoredFilesModified: return 73
        case .fileSystem: return 74
        case .invalidManifest, .renderFailed: return 70
        }
    }

    /// Runs `body`; on failure prints the error and throws its exit code (or `code`, for
    /// commands whose every error has one code).
    @discardableResult
    static func wrap<T>(code: Int32? = nil, _ body: () throws(ScaffoldError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failure(error.description, code: code ?? exitCode(for: error))
        }
    }

    /// Prints `message` to stderr and returns the exit code to throw: ArgumentParser ends the process with it once
    /// the command's `run()` has unwound.
    static func failure(_ message: String, code: Int32) -> ExitCode {
        Terminal.write("error: " + message + "\n")
        return ExitCode(code)
    }
}

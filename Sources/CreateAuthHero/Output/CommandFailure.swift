import ArgumentParser
import Foundation
import Scaffold

/// The one place where engine errors become messages on stderr and exit codes.
///
/// 64 (EX_USAGE): a problem with what was asked (answers, template, name, path, answers file).
/// 73 (EX_CANTCREAT): the target holds files that would change. 74 (EX_IOERR): the disk failed.
/// 70 (EX_SOFTWARE): an embedded template is broken.
enum CommandFailure {
    static let usage: Int32 = 64

    static func exitCode(for error: ScaffoldError) -> Int32 {
        switch error {
        case .answerProblems, .unknownTemplate, .invalidProjectName, .invalidTarget, .invalidAnswersFile: return usage
        case .targetNotEmpty: return 73
        case .fileSystem: return 74
        case .invalidManifest, .renderFailed: return 70
        }
    }

    /// Runs `body`; on failure prints the error and exits with its code.
    @discardableResult
    static func wrap<T>(_ body: () throws(ScaffoldError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            fail(error.description, code: exitCode(for: error))
        }
    }

    /// Prints `message` to stderr and exits.
    static func fail(_ message: String, code: Int32) -> Never {
        Terminal.write("error: " + message + "\n")
        CreateAuthHero.exit(withError: ExitCode(code))
    }
}

import Foundation
import ProjectSeeding
import Scaffold

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The generation step after rendering for templates with a seeded control plane: seeds the database, writes `.env`
/// from the seed, and decides where a generated administrator password goes (the terminal, or a 0600 file).
struct SeedStep {
    let template: Template
    let name: ProjectName
    let answers: Answers
    let tree: RenderedTree
    /// Whether a generated password may be shown (stdout is a terminal and not carrying JSON).
    let showsPassword: Bool
    /// Where the seed builds its database: the run's owner-only staging folder (a temporary folder for a dry run).
    let workingDirectory: URL

    /// The tree to plan, and the message about the administrator's password, if any.
    struct Outcome {
        let tree: RenderedTree
        let passwordNotice: String?
    }

    /// `ADMIN_PASSWORD` in the environment answers the administrator password like
    /// `CREATE_AUTHHERO_ADMIN_PASSWORD` does (the name the generated project documents).
    static func environment(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["CREATE_AUTHHERO_ADMIN_PASSWORD"] == nil, let password = environment["ADMIN_PASSWORD"] {
            environment["CREATE_AUTHHERO_ADMIN_PASSWORD"] = password
        }
        return environment
    }

    func run() async throws -> Outcome {
        guard template.manifest.id == ControlPlaneArtifacts.templateID else {
            return Outcome(tree: tree, passwordNotice: nil)
        }
        if ControlPlaneArtifacts.isOnPostgres(answers) {
            return Outcome(
                tree: tree.adding(ControlPlaneArtifacts.unseeded(name: name, answers: answers)),
                passwordNotice:
                    "\nNothing is seeded yet: start PostgreSQL (README), then `swift run \(name.moduleName) "
                    + "migrate` seeds the control plane and shows the administrator's generated password (or writes it "
                    + "to \(ControlPlaneArtifacts.passwordPath)).\n")
        }
        guard let password = tree.secrets["admin_password"] else {
            throw CommandFailure.failure(
                "cannot seed the control plane: no administrator password", code: CommandFailure.usage)
        }
        let generated = answers.secrets["admin_password"] == nil
        let artifacts: ControlPlaneArtifacts
        do {
            artifacts = try await ControlPlaneArtifacts.make(
                name: name, answers: answers, password: password, writePasswordFile: generated && !showsPassword,
                workingDirectory: workingDirectory)
        } catch {
            throw CommandFailure.failure(
                "cannot seed the control plane database: \(error)", code: CommandFailure.seedFailed)
        }
        let seeded = artifacts.files.reduce(tree) { $0.adding($1) }
        let email = answers.values["admin_email"]?.description ?? ""
        let notice: String?
        if !generated {
            notice = nil
        } else if showsPassword {
            notice =
                "\nAdministrator \(email), generated password (shown once, stored only as a hash):\n  \(password)\n"
        } else {
            notice =
                "\nAdministrator \(email): the generated password is in \(ControlPlaneArtifacts.passwordPath) "
                + "(readable by you only; delete it once you have stored the password elsewhere).\n"
        }
        return Outcome(tree: seeded, passwordNotice: notice)
    }

    /// Whether stdout is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

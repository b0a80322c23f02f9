/// Everything the engine can refuse, each case carrying the message a user should read.
///
/// The command line maps these to exit codes in one place; the engine never prints.
public enum ScaffoldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A template's `template.json` or file tree is inconsistent.
    case invalidManifest(template: String, reason: String)
    /// `--template` named a template this binary does not embed.
    case unknownTemplate(id: String, available: [String])
    /// The project name (the last component of the target path, or `--name`) cannot be used.
    case invalidProjectName(name: String, reason: String, suggestion: String?)
    /// The target path is unusable (a `..` component, a file where a folder is expected, ...).
    case invalidTarget(path: String, reason: String)
    /// Answers are missing, unknown, or invalid; every problem is listed.
    case answerProblems([AnswerProblem])
    /// A file failed to render (a Mustache syntax error, a secret used outside an artifact, ...).
    case renderFailed(path: String, reason: String)
    /// The target holds files the plan would change, and overwriting was not allowed.
    case targetNotEmpty(path: String, conflicts: [String])
    /// The file system refused an operation; the disk was rolled back.
    case fileSystem(path: String, reason: String)
    /// An answers file could not be read.
    case invalidAnswersFile(path: String, reason: String)
    /// `update`, `check` or `diff` was pointed at a directory without `.create-authhero/answers.json`.
    case notAGeneratedProject(path: String)
    /// The project was generated from another template than the one offered for its update.
    case templateMismatch(project: String, offered: String)
    /// The project is at a newer template version than this generator has.
    case downgrade(template: String, project: String, generator: String)
    /// Files of a vendored folder were edited; replacing the folder would lose the edits.
    case vendoredFilesModified(paths: [String])
    /// The project is in a git work tree with uncommitted changes.
    case uncommittedChanges(path: String)
    /// There is no pristine copy to compare against (a project from an older generator).
    case noPristineCopy(path: String)

    public var description: String {
        switch self {
        case .invalidManifest(let template, let reason):
            return "template '\(template)' is invalid: \(reason)"
        case .unknownTemplate(let id, let available):
            return "unknown template '\(id)'; available: \(available.joined(separator: ", "))"
        case .invalidProjectName(let name, let reason, let suggestion):
            let fix = suggestion.map { " Try '\($0)'." } ?? ""
            return "'\(name)' cannot be used as a project name: \(reason).\(fix)"
        case .invalidTarget(let path, let reason):
            return "cannot generate into '\(path)': \(reason)"
        case .answerProblems(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .renderFailed(let path, let reason):
            return "cannot render '\(path)': \(reason)"
        case .targetNotEmpty(let path, let conflicts) where conflicts.isEmpty:
            return "'\(path)' is not empty. Nothing was written. Pick an empty or new directory, "
                + "or pass --force to add the project's files (no existing file would change)."
        case .targetNotEmpty(let path, let conflicts):
            let list = conflicts.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            let more = conflicts.count > 10 ? "\n  ... and \(conflicts.count - 10) more" : ""
            return "'\(path)' is not empty and these files would change:\n\(list)\(more)\n"
                + "Nothing was written. Pick an empty or new directory, or pass --force to overwrite only these files."
        case .fileSystem(let path, let reason):
            return "file system error at '\(path)': \(reason); nothing was left half-written"
        case .invalidAnswersFile(let path, let reason):
            return "cannot read answers file '\(path)': \(reason)"
        case .notAGeneratedProject(let path):
            return "'\(path)' is not a generated project: it has no \(AnswersFile.path)"
        case .templateMismatch(let project, let offered):
            return "the project was generated from template '\(project)', not '\(offered)'"
        case .downgrade(let template, let project, let generator):
            return "the project is at \(template) \(project), newer than this generator's \(generator); "
                + "use a newer create-authhero (downgrades are refused)"
        case .vendoredFilesModified(let paths):
            let list = paths.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            let more = paths.count > 10 ? "\n  ... and \(paths.count - 10) more" : ""
            return "these vendored files were edited and would be replaced:\n\(list)\(more)\n"
                + "Nothing was written. Move the edits out of the vendored folder, or pass --force to replace them."
        case .uncommittedChanges(let path):
            return "'\(path)' has uncommitted changes; commit or stash them first (or pass --allow-dirty)"
        case .noPristineCopy(let path):
            return
                "'\(path)' has no pristine copy (\(PristineCopy.path)); run `create-authhero update` once to record it"
        }
    }
}

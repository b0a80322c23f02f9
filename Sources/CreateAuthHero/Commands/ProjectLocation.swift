import ArgumentParser
import Foundation
import Scaffold

/// The `[DIR]` argument of the lifecycle commands: a generated project, the working directory by default.
struct ProjectLocation: ParsableArguments {
    @Argument(help: "The generated project's directory.")
    var directory: String = "."

    /// The directory, absolute.
    var url: URL {
        URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    /// Opens the project, first rolling back an update that was killed mid-write: every lifecycle
    /// command must see the project as it was before, never half updated.
    func project() throws(ScaffoldError) -> GeneratedProject {
        for run in ProjectWriter.recoverInterruptedRuns(for: url) {
            Terminal.write(run.note)
        }
        return try GeneratedProject(directory: url)
    }

    /// Opens the project (see ``project()``) and finds its template among the embedded ones.
    func open() throws(ScaffoldError) -> (GeneratedProject, Template) {
        let project = try project()
        let template = try EmbeddedTemplates.catalog().template(id: project.record.template.id)
        return (project, template)
    }
}

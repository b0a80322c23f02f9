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

    /// Opens the project and finds its template among the embedded ones.
    func open() throws(ScaffoldError) -> (GeneratedProject, Template) {
        let project = try GeneratedProject(directory: url)
        let template = try EmbeddedTemplates.catalog().template(id: project.record.template.id)
        return (project, template)
    }
}

import ArgumentParser
import Foundation
import Scaffold

/// `create-authhero list [--json]`: every embedded template and its variables.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the templates and their variables."
    )

    @Flag(
        help:
            "Print a JSON array: {id, title, description, version, variables: [{name, type, default, choices, description, required}]}."
    )
    var json = false

    func run() throws {
        let catalog = try CommandFailure.wrap { () throws(ScaffoldError) in try EmbeddedTemplates.catalog() }
        if json {
            print(try TemplateListing(catalog: catalog).json())
        } else {
            print(TemplateHelp.text(for: catalog), terminator: "")
        }
    }
}

import Foundation
import Scaffold

/// The machine-readable form of `list --json`, for tools and editors.
struct TemplateListing: Encodable {
    struct Variable: Encodable {
        let name: String
        let type: TemplateVariable.Kind
        let `default`: AnswerValue?
        let choices: [String]?
        let description: String
        let required: Bool

        enum CodingKeys: String, CodingKey { case name, type, `default`, choices, description, required }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(`default`, forKey: .default)
            try container.encode(choices, forKey: .choices)
            try container.encode(description, forKey: .description)
            try container.encode(required, forKey: .required)
        }
    }

    struct Entry: Encodable {
        let id: String
        let title: String
        let description: String
        let version: String
        let variables: [Variable]
    }

    let entries: [Entry]

    init(catalog: TemplateCatalog) {
        entries = catalog.templates.map { template in
            let manifest = template.manifest
            return Entry(
                id: manifest.id, title: manifest.title, description: manifest.description, version: manifest.version,
                variables: manifest.variables.map {
                    Variable(
                        name: $0.name, type: $0.type, default: $0.default, choices: $0.choices,
                        description: $0.description, required: $0.required && $0.default == nil)
                }
            )
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}

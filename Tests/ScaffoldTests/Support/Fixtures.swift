import Foundation
import Scaffold

/// A small template built in code, exercising every variable type and file rule.
enum Fixtures {
    static let manifest = TemplateManifest(
        id: "fixture", title: "Fixture", description: "A test template.", version: "1.2.3",
        variables: [
            TemplateVariable(
                name: "title", type: .string, description: "Title", default: .string("Hello"),
                validation: .init(pattern: "[A-Za-z ]+", min: nil, max: nil, message: "letters")),
            TemplateVariable(
                name: "port", type: .int, description: "Port", default: .int(3000),
                validation: .init(pattern: nil, min: 1, max: 65535, message: "a port")),
            TemplateVariable(
                name: "flavour", type: .choice, description: "Flavour", default: .string("plain"),
                choices: ["plain", "fancy"]),
            TemplateVariable(name: "docker", type: .bool, description: "Docker", default: .bool(false)),
            TemplateVariable(
                name: "image", type: .string, description: "Image", default: .string("swift"),
                condition: "docker"),
            TemplateVariable(name: "owner", type: .string, description: "Owner"),
            TemplateVariable(
                name: "token", type: .secret, description: "Token", required: false, generateWhenAbsent: true),
        ],
        files: [
            FileRule(match: "env", class: .artifact, path: ".env"),
            FileRule(match: "NOTES.md", class: .once),
            FileRule(match: "Dockerfile", condition: "docker"),
            FileRule(match: "bin/*", executable: true),
            FileRule(match: "raw/**", render: false),
        ]
    )

    static let files: [String: Data] = [
        "Sources/{{module_name}}/main.swift": Data("print(\"{{title}} <{{owner}}> on {{port}}\")\n".utf8),
        "NOTES.md": Data("{{#docker}}docker: {{image}}\n{{/docker}}flavour: {{flavour}}\r\nend\n".utf8),
        "env": Data("TOKEN={{token}}\nPORT={{port}}\n".utf8),
        "Dockerfile": Data("FROM {{image}}\n".utf8),
        "bin/run": Data("#!/bin/sh\necho {{name_snake}}\n".utf8),
        "raw/view.mustache": Data("<p>{{user}}</p>\n".utf8),
    ]

    static func template() throws -> Template {
        try Template(manifest: manifest, files: files)
    }

    static func answers(_ given: [String: String] = ["owner": "ops"], useDefaults: Bool = true) throws -> Answers {
        try AnswerResolver(manifest: manifest).resolve(given: given, environment: [:], useDefaults: useDefaults)
    }

    static func tree(_ given: [String: String] = ["owner": "ops"]) throws -> RenderedTree {
        try TemplateRenderer(template: template()).render(name: ProjectName("my-app"), answers: answers(given))
    }
}

/// The values a template's Mustache files see.
///
/// `managed` and `once` files see answers and derived names only; `artifact` files also see
/// secrets. That split is what keeps hashed output deterministic and free of secrets.
///
/// A choice's answer is also a section of its own, `<name>_<choice>` (true for the chosen value only, other characters
/// than letters and digits written `_`), so that a file can add a line for one choice with `{{#database_postgres}}`.
struct RenderContext {
    let shared: [String: Any]
    let withSecrets: [String: Any]

    init(name: ProjectName, answers: Answers, secrets: [String: String], choices: [TemplateVariable] = []) {
        var shared: [String: Any] = [
            "name": name.name,
            "name_kebab": name.kebab,
            "module_name": name.moduleName,
            "name_snake": name.snake,
        ]
        for (key, value) in answers.values { shared[key] = value.mustacheValue }
        for variable in choices where variable.type == .choice {
            for choice in variable.choices ?? [] {
                shared[Self.sectionName(variable.name, choice)] = answers.values[variable.name] == .string(choice)
            }
        }
        self.shared = shared
        self.withSecrets = shared.merging(secrets) { _, secret in secret }
    }

    /// `database` and `postgres` give `database_postgres`.
    static func sectionName(_ variable: String, _ choice: String) -> String {
        variable + "_" + String(choice.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    func values(for fileClass: FileClass) -> [String: Any] {
        fileClass == .artifact ? withSecrets : shared
    }
}

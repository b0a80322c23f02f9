/// The values a template's Mustache files see.
///
/// `managed` and `once` files see answers and derived names only; `artifact` files also see
/// secrets. That split is what keeps hashed output deterministic and free of secrets.
struct RenderContext {
    let shared: [String: Any]
    let withSecrets: [String: Any]

    init(name: ProjectName, answers: Answers, secrets: [String: String]) {
        var shared: [String: Any] = [
            "name": name.name,
            "name_kebab": name.kebab,
            "module_name": name.moduleName,
            "name_snake": name.snake,
        ]
        for (key, value) in answers.values { shared[key] = value.mustacheValue }
        self.shared = shared
        self.withSecrets = shared.merging(secrets) { _, secret in secret }
    }

    func values(for fileClass: FileClass) -> [String: Any] {
        fileClass == .artifact ? withSecrets : shared
    }
}

// {{display_name}}: a single-tenant AuthHero server.
//
// This skeleton builds and prints its configuration; the AuthHero runtime that serves OAuth 2.0
// and OpenID Connect is wired in by a later create-authhero release.
let configuration = ServerConfiguration(displayName: "{{display_name}}", port: {{port}}, logLevel: "{{log_level}}")
print("{{name}}: \(configuration.displayName) on port \(configuration.port), log level \(configuration.logLevel)")

import Foundation

// {{name}}: the control plane of a multi-tenant AuthHero deployment.
//
// This skeleton reads its configuration and prints it; the AuthHero server, its seeded SQLite
// control plane and the tenant commands are wired in by a later create-authhero release.
let environment = ProcessInfo.processInfo.environment
let port = environment["PORT"].flatMap(Int.init) ?? {{port}}
let admin = environment["ADMIN_EMAIL"] ?? "{{admin_email}}"
let hooks = MultiTenancyHooks()
print("{{name}} control plane on port \(port), administrator \(admin), hooks: \(hooks.summary)")

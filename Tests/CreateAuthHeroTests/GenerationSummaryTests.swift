import Foundation
import Testing

/// What `create-authhero` prints after generating: a summary line and the template's next steps by default, every
/// file with `--verbose` or in a dry run.
@Suite struct GenerationSummaryTests {
    @Test func byDefaultOneSummaryLineAndNextStepsNamingTheServeCommandPortalAndAdministrator() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(
            [
                "my-saas-auth", "--template", "multi-tenant-control-plane", "--yes", "--set",
                "admin_email=owner@shop.example",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("create    "), "no per-file lines without --verbose")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Generated ") && $0.contains("--verbose lists them") })
        #expect(lines.contains("  swift build"))
        #expect(lines.contains("  swift run MySaasAuth serve"))
        #expect(lines.contains("  open http://localhost:3000/portal/ and sign in as owner@shop.example"))
    }

    @Test func verboseListsEveryFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["my-saas-auth", "--template", "multi-tenant-control-plane", "--yes", "--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("create    web/portal/index.html"))
        #expect(result.stdout.contains("create    AuthHero/ ("), "the vendored runtime stays one line")
    }

    @Test func aDryRunListsEveryFileAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["app", "--template", "single-tenant", "--yes", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("create    Package.swift"))
        #expect(CLI.entries(cli.directory).isEmpty)
    }
}

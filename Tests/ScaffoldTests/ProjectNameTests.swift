import Foundation
import Scaffold
import Testing

@Suite struct ProjectNameTests {
    @Test func derivesSpellingsOnce() throws {
        let name = try ProjectName("my-saas_auth")
        #expect(name.kebab == "my-saas-auth")
        #expect(name.snake == "my_saas_auth")
        #expect(name.moduleName == "MySaasAuth")
        #expect(try ProjectName("mySaasAuth2").moduleName == "MySaasAuth2")
    }

    @Test(arguments: [
        ("", "my-authhero-app" as String?), (".hidden", "hidden"), ("1st-app", "app"), ("my app", "my-app"),
        ("café", "caf"), ("../x", nil), ("CON", "con-app"), ("Foundation", "foundation-app"),
        ("auth-hero", "auth-hero-app"),
    ])
    func rejectsUnusableNamesWithAFix(name: String, suggestion: String?) {
        let error = #expect(throws: ScaffoldError.self) { try ProjectName(name) }
        guard case .invalidProjectName(_, _, let suggested)? = error else {
            Issue.record("expected an invalid name, got \(String(describing: error))")
            return
        }
        if let suggestion { #expect(suggested == suggestion) }
    }

    @Test func suggestedNamesAreThemselvesValid() {
        for name in ["1st-app", "my app", "café", "CON", "Foundation", "---", "__x9", ""] {
            do {
                _ = try ProjectName(name)
                Issue.record("'\(name)' should be refused")
            } catch let .invalidProjectName(_, _, suggestion?) {
                #expect(throws: Never.self) { try ProjectName(suggestion) }
            } catch {
                Issue.record("'\(name)' was refused without a suggestion: \(error)")
            }
        }
    }

    @Test func targetRefusesDotDotAnywhere() {
        let cwd = URL(fileURLWithPath: "/tmp/work")
        for path in ["../x", "a/../b", "a/..", "/tmp/../etc/app"] {
            #expect(throws: ScaffoldError.self) { try ProjectTarget(path: path, workingDirectory: cwd) }
        }
    }

    @Test func targetTakesItsNameFromTheLastComponent() throws {
        let cwd = URL(fileURLWithPath: "/tmp/work")
        let target = try ProjectTarget(path: "./out/my-app/", workingDirectory: cwd)
        #expect(target.directory.path == "/tmp/work/out/my-app")
        #expect(target.name.name == "my-app")
        let renamed = try ProjectTarget(path: "/srv/x1", name: "billing-auth", workingDirectory: cwd)
        #expect(renamed.name.moduleName == "BillingAuth")
    }
}

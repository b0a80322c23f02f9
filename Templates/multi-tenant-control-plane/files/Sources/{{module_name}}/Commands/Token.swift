import ArgumentParser
import AuthHeroVerify
import Foundation

/// `token inspect JWT`: why a token is refused (issuer, audience, organization, expiry, key), as a command.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Work with tokens.", subcommands: [Inspect.self])

    /// Decodes a token's header and claims, checks them against the issuer's keys, and explains what is wrong.
    /// Exits 1 when the token does not verify.
    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode a token and explain why it would be refused (expired, issuer, kid, signature, alg, audience).")

        @Argument(help: "The access token (without `Bearer `).")
        var token: String

        @Option(help: "An audience the token must carry; repeat for several (default: urn:authhero:management).")
        var audience: [String] = []

        @Option(help: "Fetch keys from this JWKS URL instead of reading the local database.")
        var jwksURL: String?

        @Option(help: "With --jwks-url: the issuer those keys belong to (default: the base URL).")
        var issuer: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = AppEnvironment()
            let keys: [String: any JWKSSource]
            if let jwksURL {
                guard let url = URL(string: jwksURL), url.scheme == "http" || url.scheme == "https" else {
                    throw CommandError("--jwks-url must be an http(s) URL, e.g. http://localhost:{{port}}/.well-known/jwks.json")
                }
                keys = InspectionKeys.remote(issuer: issuer ?? database.resolvedBaseURL(environment), url: url)
            } else {
                let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
                keys = try await InspectionKeys.local(runtime)
            }
            let audiences = audience.isEmpty ? ["urn:authhero:management"] : audience
            let verifier = TokenVerifier(
                policy: VerificationPolicy(issuers: Set(keys.keys), audiences: Set(audiences)), keysByIssuer: keys)
            let inspection = await TokenInspection.inspect(token, with: verifier)
            print(inspection.text)
            if inspection.problem != nil { throw ExitCode.failure }
        }
    }
}

import ArgumentParser
import AuthHeroCore
import AuthHeroServer
import Dispatch
import Foundation

/// `token-benchmark`: token issuance and verification rates. The default subcommand measures in one process;
/// `serve` and `raw` are what `Benchmarks/http.sh` drives with `wrk` from a second process.
@main
struct TokenBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-benchmark", abstract: "Measure token issuance and verification rates (release build).",
        subcommands: [InProcess.self, Serve.self, Raw.self, GrantCache.self], defaultSubcommand: InProcess.self)
}

/// Client-credentials tokens per second over loopback HTTP versus raw signatures per second with the same key, for
/// RS256 and ES256, and `AuthHeroVerify` versus raw signature verification, all in this process (its HTTP client
/// takes the server's cores).
struct InProcess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in-process", abstract: "Measure with the HTTP client in the server's process.")

    @Option(help: "Token requests per algorithm over HTTP.")
    var requests = 4000

    @Option(help: "Concurrent keep-alive HTTP connections.")
    var connections = 8

    @Option(help: "Operations per raw signing / verification measurement.")
    var operations = 4000

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print(
            "token-benchmark: \(cores) cores, \(connections) connections, \(requests) requests, \(operations) raw operations"
        )
        try await BenchmarkServer.run { server in
            for algorithm in SigningAlgorithm.allCases {
                let audience = BenchmarkServer.audience(algorithm)
                _ = try await server.token(audience: audience)
                let http = try await Measure.rate(operations: requests, concurrency: connections) { client in
                    try await server.tokenOverConnection(client, audience: audience)
                } setUp: {
                    try await server.connect()
                }
                let key = try await server.currentKey(algorithm)
                let signer = try RawSignature(key)
                let signingInput = Data(repeating: 0x61, count: 600)
                let rawSign = try await Measure.parallelRate(operations: operations, tasks: cores) {
                    _ = try signer.sign(signingInput)
                }

                let token = try await server.token(audience: audience)
                let verifier = server.verifier(audience: audience)
                let verifyRate = try await Measure.parallelRate(operations: operations, tasks: cores) {
                    _ = try await verifier.verify(token)
                }
                let parts = token.split(separator: ".")
                let input = Data("\(parts[0]).\(parts[1])".utf8)
                let signature = try RawSignature.decodeSignature(String(parts[2]))
                let rawVerify = try await Measure.parallelRate(operations: operations, tasks: cores) {
                    guard try signer.verify(signature, for: input) else { throw BenchmarkError.badSignature }
                }
                Report.print(
                    algorithm: algorithm, httpTokens: http, rawSignatures: rawSign, verify: verifyRate,
                    rawVerify: rawVerify)
            }
        }
    }
}

/// Serves the benchmark tenant until stopped (SIGINT/SIGTERM), after printing one JSON line with the ports, the
/// machine client's secret and the audiences, for a load generator in another process.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the benchmark tenant for an external client.")

    @Option(help: "Port of the AuthHero server (0: a free one).")
    var port = 0

    func run() async throws {
        try await BenchmarkServer.run(port: port) { server in
            let ready: [String: String] = [
                "port": String(server.port), "floor_port": String(server.floorPort), "secret": server.secret,
                "host": "bench.localhost:3000", "rs256": BenchmarkServer.audience(.rs256),
                "es256": BenchmarkServer.audience(.es256), "callback": BenchmarkServer.callback,
                "existing_email": BenchmarkServer.existingEmail, "password": BenchmarkServer.existingPassword,
            ]
            let line = try JSONSerialization.data(withJSONObject: ready, options: [.sortedKeys])
            FileHandle.standardOutput.write(line + Data("\n".utf8))
            await Self.waitForSignal()
        }
    }

    private static func waitForSignal() async {
        let (signals, received) = AsyncStream.makeStream(of: Void.self)
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { received.yield() }
            source.resume()
            sources.append(source)
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
    }
}

/// Raw signatures per second with a freshly generated key of each algorithm, and raw bcrypt verifications per
/// second at the server's cost, on every core: the figures the token endpoint and the login form are compared
/// with. Prints one JSON line.
struct Raw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure raw signing and bcrypt rates on every core.")

    @Option(help: "Signatures per algorithm.")
    var operations = 4000

    @Option(help: "bcrypt verifications (each takes tens of milliseconds of one core).")
    var bcryptOperations = 64

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var rates: [String: Double] = [:]
        for algorithm in SigningAlgorithm.allCases {
            let material = try KeyMaterial.generate(algorithm)
            let signer = try RawSignature(
                SigningKey(
                    tenantID: "raw", kid: material.publicJWK.kid, algorithm: algorithm,
                    privateKeyPEM: material.privateKeyPEM, createdAt: Date()))
            let input = Data(repeating: 0x61, count: 600)
            rates[algorithm.rawValue] = try await Measure.parallelRate(operations: operations, tasks: cores) {
                _ = try signer.sign(input)
            }
        }
        // The hasher the server's login form uses, at its default cost, checking a right password.
        let hasher = PasswordHasher()
        let hash = hasher.hash(BenchmarkServer.existingPassword)
        rates["bcrypt"] = try await Measure.parallelRate(operations: bcryptOperations, tasks: cores) {
            guard hasher.verify(BenchmarkServer.existingPassword, hash: hash) else { throw BenchmarkError.badSignature }
        }
        let line = try JSONSerialization.data(withJSONObject: rates, options: [.sortedKeys])
        FileHandle.standardOutput.write(line + Data("\n".utf8))
    }
}

enum BenchmarkError: Error {
    case badSignature
    case tokenRequestFailed(String)
}

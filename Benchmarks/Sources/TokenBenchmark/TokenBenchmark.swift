import ArgumentParser
import AuthHeroCore
import AuthHeroServer
import Foundation

/// Prints the figures: client-credentials tokens per second over loopback HTTP versus raw signatures per
/// second with the same key, for RS256 and ES256, and `AuthHeroVerify` versus raw signature verification.
@main
struct TokenBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-benchmark", abstract: "Measure token issuance and verification rates (release build).")

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

enum BenchmarkError: Error {
    case badSignature
    case tokenRequestFailed(String)
}

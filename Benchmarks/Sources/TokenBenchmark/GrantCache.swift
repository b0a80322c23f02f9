import ArgumentParser
import AuthHeroCore
import Foundation

/// Client-credentials exchanges per second in this process, through the grant the server uses (which remembers what
/// it read) and through one over the same storage without ``ClientCredentialsCache``, for each algorithm in one run:
/// the ratio is what the cache saves per token request, signature included.
struct GrantCache: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant-cache", abstract: "Measure client-credentials exchanges with and without the cache.")

    @Option(help: "Exchanges per measurement.")
    var operations = 4000

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("grant-cache: \(cores) cores, \(operations) exchanges per figure, load \(Self.loadAverage())")
        try await BenchmarkServer.run { server in
            let services = server.services
            let tenant = try await services.resolver.resolve(host: "bench.localhost:3000")
            let credentials = ClientCredentials(clientID: "bench", clientSecret: server.secret)
            let uncached = ClientCredentialsGrant(storage: services.storage, issuer: services.tokens)
            for algorithm in SigningAlgorithm.allCases {
                let audience = BenchmarkServer.audience(algorithm)
                var rates: [String: Double] = [:]
                // Alternated, so a change of the machine's load falls on both figures alike.
                for round in 0..<2 {
                    for (name, grant) in [("cached", services.clientCredentials), ("uncached", uncached)] {
                        let rate = try await Measure.parallelRate(operations: operations, tasks: cores) {
                            _ = try await grant.exchange(credentials, audience: audience, scope: nil, tenant: tenant)
                        }
                        rates[name] = round == 0 ? rate : (rates[name, default: 0] + rate) / 2
                    }
                }
                let cached = rates["cached", default: 0]
                let plain = rates["uncached", default: 1]
                print(
                    "\(algorithm.rawValue): \(Int(cached)) exchanges/s cached, \(Int(plain)) uncached, "
                        + "ratio \(String(format: "%.2f", cached / plain))")
            }
        }
    }

    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

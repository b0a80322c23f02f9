import AuthHeroCore

/// Formats one algorithm's figures.
enum Report {
    static func print(
        algorithm: SigningAlgorithm, httpTokens: Double, rawSignatures: Double, verify: Double, rawVerify: Double
    ) {
        func figure(_ value: Double) -> String { String(Int(value.rounded())) }
        func ratio(_ a: Double, _ b: Double) -> String { String(Double(Int(a / b * 100)) / 100) }
        Swift.print("\(algorithm.rawValue):")
        Swift.print("  client-credentials tokens/s over HTTP : \(figure(httpTokens))")
        Swift.print("  raw signatures/s (same key, all cores): \(figure(rawSignatures))")
        Swift.print("  tokens / raw signing                  : \(ratio(httpTokens, rawSignatures))  (goal >= 0.5)")
        Swift.print("  AuthHeroVerify verifications/s        : \(figure(verify))")
        Swift.print("  raw signature verifications/s         : \(figure(rawVerify))")
        Swift.print("  verify / raw verification             : \(ratio(verify, rawVerify))")
    }
}

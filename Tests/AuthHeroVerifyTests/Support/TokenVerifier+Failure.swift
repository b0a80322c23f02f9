import AuthHeroVerify

extension TokenVerifier {
    /// The error `verify` throws for `token`, or `nil` when the token verifies.
    func failure(_ token: String) async -> TokenVerificationError? {
        do {
            _ = try await verify(token)
            return nil
        } catch {
            return error
        }
    }
}

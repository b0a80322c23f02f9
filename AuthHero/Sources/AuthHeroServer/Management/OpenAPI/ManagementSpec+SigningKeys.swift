import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/keys/signing` (``SigningKeyRoutes``).
    static var signingKeys: SpecGroup {
        let tag = "Signing keys"
        let kid = SpecOperation.path("kid")
        return SpecGroup(
            schemas: [
                (
                    "SigningKey",
                    SpecSchema.record([
                        "kid": .string, "alg": .string(allowedValues: ["RS256", "ES256"]), "cert": .string,
                        "current": .boolean,
                        "next": .boolean, "previous": .boolean, "revoked": .boolean,
                        "current_since": .string(format: .dateTime),
                        "current_until": .string(format: .dateTime, required: false),
                        "revoked_at": .string(format: .dateTime, required: false), "fingerprint": .string,
                        "thumbprint": .string,
                    ])
                ),
                ("RotatedSigningKey", SpecSchema.record(["kid": .string, "cert": .string])),
                (
                    "RevokedSigningKey",
                    SpecSchema.record(["kid": .string, "cert": .string, "revoked_at": .string(format: .dateTime)])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/keys/signing", "listSigningKeys", tag: tag,
                    summary: "The tenant's signing keys, newest first (never private material)",
                    scope: "read:signing_keys", response: .array(items: SpecSchema.ref("SigningKey"))),
                SpecRoute(
                    .get, "/api/v2/keys/signing/{kid}", "getSigningKey", tag: tag, summary: "A signing key",
                    scope: "read:signing_keys", parameters: [kid], response: SpecSchema.ref("SigningKey")),
                SpecRoute(
                    .post, "/api/v2/keys/signing/rotate", "rotateSigningKey", tag: tag,
                    summary: "Make a new current key; the old one verifies for the grace period",
                    scope: "create:signing_keys", status: 201, response: SpecSchema.ref("RotatedSigningKey")),
                SpecRoute(
                    .put, "/api/v2/keys/signing/{kid}/revoke", "revokeSigningKey", tag: tag,
                    summary: "Withdraw a previous key at once (the current key: rotate first, 409)",
                    scope: "update:signing_keys", parameters: [kid], response: SpecSchema.ref("RevokedSigningKey"),
                    errors: [409]),
            ])
    }
}

import HTTPTypes
import OpenAPIKit

extension SigningKeyRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
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
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Signing keys"
        return [
            ManagementOperation(
                .get, "keys/signing", "listSigningKeys",
                summary: "The tenant's signing keys, newest first (never private material)",
                scope: "read:signing_keys", response: .array(items: SpecSchema.ref("SigningKey")), tag: tag,
                handler: list),
            ManagementOperation(
                .get, "keys/signing/{kid}", "getSigningKey", summary: "A signing key", scope: "read:signing_keys",
                response: SpecSchema.ref("SigningKey"), tag: tag, handler: get),
            ManagementOperation(
                .post, "keys/signing/rotate", "rotateSigningKey",
                summary: "Make a new current key; the old one verifies for the grace period",
                scope: "create:signing_keys", status: 201, response: SpecSchema.ref("RotatedSigningKey"), tag: tag,
                handler: rotate),
            ManagementOperation(
                .put, "keys/signing/{kid}/revoke", "revokeSigningKey",
                summary: "Withdraw a previous key at once (the current key: rotate first, 409)",
                scope: "update:signing_keys", response: SpecSchema.ref("RevokedSigningKey"), errors: [409], tag: tag,
                handler: revoke),
        ]
    }
}

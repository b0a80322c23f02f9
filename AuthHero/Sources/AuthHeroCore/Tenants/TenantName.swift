/// Rules for tenant ids, which become DNS labels (auth0-compat.md, "The /api/v2/tenants extension").
public enum TenantName {
    /// Names that would shadow platform hosts or the control plane, or a Management API path under
    /// `/api/v2/tenants/` (`settings`, whose constant route the router matches before `tenants/{id}`).
    public static let reserved: Set<String> = [
        "control-plane", "www", "api", "admin", "auth", "login", "static", "settings",
    ]

    /// Whether `name` is a DNS label of 1...50 lowercase letters, digits and inner hyphens.
    public static func isValidLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...50).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }
}

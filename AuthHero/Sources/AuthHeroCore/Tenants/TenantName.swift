/// Rules for tenant ids, which become DNS labels (auth0-compat.md, "The /api/v2/tenants extension").
public enum TenantName {
    /// Names a platform keeps for itself: its own hosts and the control plane, the services it will want to run
    /// under its domain (a customer holding `billing.<base>` or `support.<base>` could phish its users), and a
    /// Management API path under `/api/v2/tenants/` (`settings`, whose constant route the router matches before
    /// `tenants/{id}`). ``MultiTenancyPlugin/reservedTenantNames`` starts from this list and may extend it.
    public static let reserved: Set<String> = [
        "control-plane", "www", "api", "admin", "auth", "login", "static", "settings", "accounts", "billing",
        "support", "status", "mail", "docs", "portal",
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

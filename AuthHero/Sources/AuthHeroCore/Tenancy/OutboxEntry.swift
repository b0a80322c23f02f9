import Foundation

/// One recorded ``ControlPlaneChange`` waiting to be (or already) fanned out to the customer tenants.
public struct OutboxEntry: Codable, Sendable, Equatable {
    /// Ascending in recording order.
    public var id: Int64?
    public var change: ControlPlaneChange
    public var createdAt: Date
    /// How many processing attempts failed for at least one tenant.
    public var attempts: Int
    /// What the last failed attempt reported, per tenant.
    public var lastError: String?
    /// When every customer tenant had the change applied; nil while pending.
    public var processedAt: Date?
    /// Until when a processor holds the entry (``OutboxStore/claimOutbox(afterID:limit:maxAttempts:now:claimUntil:)``);
    /// nil when no processor does.
    public var claimedUntil: Date?

    /// Creates a pending entry.
    public init(
        id: Int64? = nil, change: ControlPlaneChange, createdAt: Date, attempts: Int = 0, lastError: String? = nil,
        processedAt: Date? = nil, claimedUntil: Date? = nil
    ) {
        self.id = id
        self.change = change
        self.createdAt = createdAt
        self.attempts = attempts
        self.lastError = lastError
        self.processedAt = processedAt
        self.claimedUntil = claimedUntil
    }
}

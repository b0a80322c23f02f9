import Foundation

/// An access token of this service's own machine-to-machine client and when it stops being valid.
struct MachineToken: Sendable, Equatable {
    let value: String
    let expiresAt: Date
}

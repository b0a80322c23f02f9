import AuthHeroCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// `AccessInvalidation` for every server process on one database, through PostgreSQL's `NOTIFY`: an invalidation
/// reaches this process's observers at once and every other process's when their listening connection hears it.
/// Run ``run(whenListening:)`` for as long as the server runs (next to `client.run()` in the service group); a
/// notification missed while it is not listening costs at most one entry lifetime of the caches it would have
/// cleared.
public final class PostgresAccessInvalidation: AccessInvalidation, Sendable {
    /// The notification channel every process listens on.
    static let channel = "authhero_access"

    private let client: PostgresClient
    private let logger: Logger
    private let observers = NIOLockedValueBox<[@Sendable (AccessSubject) -> Void]>([])

    /// Invalidations over `client`'s database.
    public init(client: PostgresClient, logger: Logger = Logger(label: "authhero.postgres.access")) {
        self.client = client
        self.logger = logger
    }

    public func invalidate(user: String, tenant: String) async {
        await announce(.user(id: user, tenantID: tenant))
    }

    public func invalidate(client: String, tenant: String) async {
        await announce(.client(id: client, tenantID: tenant))
    }

    public func invalidate(machineAccessOf tenant: String) async {
        await announce(.machineAccess(tenantID: tenant))
    }

    public func invalidate(tenant: String) async {
        await announce(.tenant(id: tenant))
    }

    public func observe(_ handler: @escaping @Sendable (AccessSubject) -> Void) {
        observers.withLockedValue { $0.append(handler) }
    }

    /// Listens on one pooled connection until the task is cancelled, handing each invalidation another process
    /// announced to the observers; `whenListening` runs once the server has confirmed the `LISTEN`.
    public func run(whenListening: @Sendable () -> Void = {}) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.channel) { notifications in
                whenListening()
                for try await notification in notifications {
                    guard let subject = Notice(payload: notification.payload)?.subject else { continue }
                    deliver(subject)
                }
            }
        }
    }

    private func announce(_ subject: AccessSubject) async {
        deliver(subject)
        do {
            let payload = try Notice(subject).payload
            try await client.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
        } catch {
            // The other processes' caches still drop the entry when it expires.
            logger.warning("could not announce an access invalidation to other processes: \(error)")
        }
    }

    private func deliver(_ subject: AccessSubject) {
        for observer in observers.withLockedValue({ $0 }) { observer(subject) }
    }

    /// The JSON payload of one notification.
    private struct Notice: Codable {
        var kind: String
        var id: String
        var tenantID: String

        init(_ subject: AccessSubject) {
            switch subject {
            case .user(let id, let tenantID): (kind, self.id, self.tenantID) = ("user", id, tenantID)
            case .client(let id, let tenantID): (kind, self.id, self.tenantID) = ("client", id, tenantID)
            case .machineAccess(let tenantID): (kind, self.id, self.tenantID) = ("machine_access", "", tenantID)
            case .tenant(let id): (kind, self.id, self.tenantID) = ("tenant", "", id)
            }
        }

        init?(payload: String) {
            guard let notice = try? JSONDecoder().decode(Notice.self, from: Data(payload.utf8)) else { return nil }
            self = notice
        }

        var payload: String {
            get throws { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
        }

        var subject: AccessSubject? {
            switch kind {
            case "user": .user(id: id, tenantID: tenantID)
            case "client": .client(id: id, tenantID: tenantID)
            case "machine_access": .machineAccess(tenantID: tenantID)
            case "tenant": .tenant(id: tenantID)
            default: nil
            }
        }
    }
}

/// The kinds of record an import writes, in the order it writes them.
public enum Auth0RecordKind: String, Sendable, CaseIterable, Comparable {
    case connections
    case resourceServers = "resource servers"
    case roles
    case permissions = "role permissions"
    case users, clients,
        organizations
    case members = "organization members"
    case memberRoles = "member roles"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A record that was not imported, and why.
public struct Auth0ImportSkip: Sendable, Equatable, CustomStringConvertible {
    public var kind: Auth0RecordKind
    /// What names the record in the export (an id, an email).
    public var record: String
    public var reason: String

    /// Creates a skip.
    public init(kind: Auth0RecordKind, record: String, reason: String) {
        self.kind = kind
        self.record = record
        self.reason = reason
    }

    public var description: String { "\(kind.rawValue) \(record): \(reason)" }
}

/// What an import did (or, in a dry run, would do).
public struct Auth0ImportReport: Sendable {
    /// How many records of a kind were created, updated (already there: a second run updates them) or skipped.
    public struct Counts: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var skipped = 0

        /// Creates counts.
        public init(created: Int = 0, updated: Int = 0, skipped: Int = 0) {
            self.created = created
            self.updated = updated
            self.skipped = skipped
        }
    }

    /// A client's new secret: Auth0's secret cannot be exported, so each confidential client gets a new one.
    public struct ClientSecret: Sendable, Equatable {
        public var clientID: String
        public var name: String
        public var secret: String
    }

    public internal(set) var counts: [Auth0RecordKind: Counts] = [:]
    public internal(set) var skipped: [Auth0ImportSkip] = []
    /// New secrets of the clients created by this run, shown once.
    public internal(set) var clientSecrets: [ClientSecret] = []
    /// Whether nothing was written.
    public internal(set) var dryRun = false

    /// The counts of `kind` (zeros when none).
    public func counts(_ kind: Auth0RecordKind) -> Counts { counts[kind] ?? Counts() }

    mutating func created(_ kind: Auth0RecordKind) { counts[kind, default: Counts()].created += 1 }
    mutating func updated(_ kind: Auth0RecordKind) { counts[kind, default: Counts()].updated += 1 }
    mutating func skip(_ skip: Auth0ImportSkip) {
        counts[skip.kind, default: Counts()].skipped += 1
        skipped.append(skip)
    }

    /// The report as the command prints it: a line per kind, then each skipped record.
    public var lines: [String] {
        var lines = Auth0RecordKind.allCases.map { kind in
            let counts = counts(kind)
            return "\(kind.rawValue): \(counts.created) created, \(counts.updated) updated, \(counts.skipped) skipped"
        }
        lines += skipped.map { "skipped \($0)" }
        return lines
    }
}

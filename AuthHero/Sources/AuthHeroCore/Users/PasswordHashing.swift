import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Runs bcrypt off Swift's cooperative thread pool, on a NIO thread pool for blocking work, with at most
/// `maximumConcurrent` hashes and verifications at once. A hash beyond that is refused at once
/// (``PasswordHashingError/busy``, answered 429 with `Retry-After`) rather than queued: a queue of bcrypt work
/// grows without bound under a flood, and every request behind it waits.
public final class PasswordHashing: Sendable {
    /// The default cap: two hashes per core keep every core busy without a backlog.
    public static let defaultMaximumConcurrent = 2 * System.coreCount

    /// The hash function and its cost.
    public let hasher: PasswordHasher
    /// Hashes and verifications allowed at once.
    public let maximumConcurrent: Int
    private let pool: NIOThreadPool
    private let running = NIOLockedValueBox(0)

    /// Creates the executor; `pool` is where the work runs (``sharedPool`` unless another is given).
    public init(
        hasher: PasswordHasher = PasswordHasher(), maximumConcurrent: Int = PasswordHashing.defaultMaximumConcurrent,
        pool: NIOThreadPool = PasswordHashing.sharedPool
    ) {
        self.hasher = hasher
        self.maximumConcurrent = maximumConcurrent
        self.pool = pool
    }

    /// Hashes a password with a fresh salt.
    public func hash(_ password: String) async throws -> String {
        let hasher = hasher
        return try await run { hasher.hash(password) }
    }

    /// Whether `password` matches a stored bcrypt hash.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        let hasher = hasher
        return try await run { hasher.verify(password, hash: hash) }
    }

    /// Runs `work` on the pool in one of the `maximumConcurrent` slots; throws ``PasswordHashingError/busy`` when
    /// every slot is taken.
    public func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withSlot { try await pool.runIfActive(work) }
    }

    /// Holds one of the `maximumConcurrent` slots while `body` runs; throws ``PasswordHashingError/busy`` when
    /// every slot is taken.
    public func withSlot<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        let admitted = running.withLockedValue { running in
            guard running < maximumConcurrent else { return false }
            running += 1
            return true
        }
        guard admitted else { throw PasswordHashingError.busy(retryAfter: 1) }
        defer { running.withLockedValue { $0 -= 1 } }
        return try await body()
    }

    /// The process's pool for password work, apart from NIO's shared one, so hashes never queue behind other
    /// blocking work (key generation, file I/O) and that work never queues behind a burst of hashes.
    public static let sharedPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()
}

/// Why a password could not be hashed or checked now.
public enum PasswordHashingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every hashing slot is taken; retry after this many seconds.
    case busy(retryAfter: Int)

    public var description: String {
        switch self {
        case .busy(let seconds): "The server is busy checking passwords. Try again in \(seconds) second(s)."
        }
    }
}

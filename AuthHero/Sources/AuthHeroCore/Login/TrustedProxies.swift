import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reverse proxies (as CIDR blocks) whose `X-Forwarded-For` is believed. The client address of a request is
/// the peer's address unless the peer is a trusted proxy; then it is the right-most `X-Forwarded-For` entry that
/// is not a trusted proxy, because every entry left of it could have been written by the client itself. Empty (the
/// default) believes nobody: the peer's address is always the client's.
public struct TrustedProxies: Sendable, Equatable {
    /// One CIDR block, as network bytes (4 for IPv4, 16 for IPv6) and a prefix length.
    struct Block: Sendable, Equatable {
        let network: [UInt8]
        let prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var remaining = prefixLength
            for (lhs, rhs) in zip(address, network) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                guard lhs & mask == rhs & mask else { return false }
                remaining -= bits
            }
            return true
        }
    }

    let blocks: [Block]

    /// Nobody is trusted.
    public static let none = TrustedProxies(blocks: [])

    init(blocks: [Block]) { self.blocks = blocks }

    /// Parses CIDR blocks such as `10.0.0.0/8`, `192.0.2.7` (one address) or `fd00::/8`; throws
    /// ``TrustedProxiesError`` naming the first entry that is not one.
    public init(cidrs: [String]) throws(TrustedProxiesError) {
        var blocks: [Block] = []
        for entry in cidrs {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard let network = Self.bytes(of: parts[0]) else { throw .invalidEntry(entry) }
            let maximum = network.count * 8
            let prefixLength = parts.count == 2 ? Int(parts[1]) : maximum
            guard let prefixLength, (0...maximum).contains(prefixLength) else { throw .invalidEntry(entry) }
            blocks.append(Block(network: network, prefixLength: prefixLength))
        }
        self.blocks = blocks
    }

    /// Parses a comma-separated list, as the `TRUSTED_PROXIES` environment variable holds it.
    public init(list: String) throws(TrustedProxiesError) {
        try self.init(cidrs: list.split(separator: ",").map(String.init))
    }

    /// Whether `address` (an IP address in text form) is in one of the blocks.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return blocks.contains { $0.contains(bytes) }
    }

    /// The client address of a request from `peer` carrying these `X-Forwarded-For` values (in header order).
    public func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() where !contains(hop) { return Self.normalized(hop) }
        // Every hop is a proxy of ours: the left-most is the closest we know to the client.
        return hops.first.map(Self.normalized) ?? peer
    }

    /// The canonical text of an address (so `::ffff:192.0.2.1` and `192.0.2.1` count as one client), or the text
    /// itself when it is not an address.
    static func normalized(_ address: String) -> String {
        guard let bytes = bytes(of: address) else { return address }
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        var v6 = in6_addr()
        withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes) }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &v6, &text, socklen_t(text.count)) != nil else { return address }
        return String(cString: text)
    }

    /// The network bytes of an IPv4 or IPv6 address; an IPv4-mapped IPv6 address gives its 4 IPv4 bytes.
    static func bytes(of address: String) -> [UInt8]? {
        var text = address
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}

/// A `TRUSTED_PROXIES` entry that is not a CIDR block.
public enum TrustedProxiesError: Error, Equatable, CustomStringConvertible {
    case invalidEntry(String)

    public var description: String {
        switch self {
        case .invalidEntry(let entry):
            "TRUSTED_PROXIES entry \"\(entry)\" is not an IP address or CIDR block; write e.g. 10.0.0.0/8,fd00::/8."
        }
    }
}

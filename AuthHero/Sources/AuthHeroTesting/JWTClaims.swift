import Foundation

/// The decoded payload of a compact JWS, without checking anything: for reading what a server issued in a test,
/// never for deciding.
public func jwtClaims(_ token: String) throws -> [String: Any] {
    try jwtSegment(token, at: 1)
}

/// The decoded protected header of a compact JWS, without checking anything.
public func jwtHeader(_ token: String) throws -> [String: Any] {
    try jwtSegment(token, at: 0)
}

/// Segment `index` of a three-part compact JWS as a JSON object (empty when the token has not three parts).
private func jwtSegment(_ token: String, at index: Int) throws -> [String: Any] {
    let parts = token.split(separator: ".").map(String.init)
    guard parts.count == 3 else { return [:] }
    var base64 = parts[index].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return try JSONSerialization.jsonObject(with: Data(base64Encoded: base64) ?? Data()) as? [String: Any] ?? [:]
}

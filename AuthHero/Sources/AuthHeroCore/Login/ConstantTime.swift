/// Comparison of secrets (CSRF tokens, PKCE challenges) whose timing does not reveal how many leading bytes match.
enum ConstantTime {
    /// Whether `a` and `b` are the same bytes; the loop always runs over the full length.
    static func equals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

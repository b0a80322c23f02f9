import Hummingbird

extension ManagementRequest {
    /// A list filter from the query (`audience`, `strategy`, ...): its value, or nil when absent or empty.
    static func filter(_ name: String, _ request: Request) -> String? {
        query(name, request).flatMap { $0.isEmpty ? nil : $0 }
    }
}

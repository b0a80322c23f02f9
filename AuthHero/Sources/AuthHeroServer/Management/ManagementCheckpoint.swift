import Hummingbird

/// Auth0 checkpoint pagination (`from`, `take`) of organizations and members: present when either is in the query;
/// the answer is `{<collection>: [...], next}` where `next` is the `from` of the following page.
struct ManagementCheckpoint: Sendable, Equatable {
    let from: String?
    let take: Int

    /// Reads `from`/`take`; nil when the request uses neither (page pagination applies). A `take` that is not a
    /// number from 1 to 100 is a 400 `invalid_paging`.
    init?(_ request: Request) throws(ManagementError) {
        let from = ManagementRequest.query("from", request)
        let take = ManagementRequest.query("take", request)
        guard from != nil || take != nil else { return nil }
        self.from = from.flatMap { $0.isEmpty ? nil : $0 }
        guard let take else {
            self.take = ManagementPage.defaultPerPage
            return
        }
        guard let number = Int(take), (1...ManagementPage.maximumPerPage).contains(number) else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_paging",
                message: "take must be a whole number, 1 to \(ManagementPage.maximumPerPage).")
        }
        self.take = number
    }

    /// The `{<key>: [...], next}` answer.
    static func response<Item: Encodable>(_ items: [Item], next: String?, key: String) -> Response {
        JSONResponse.make(CheckpointList(key: key, items: items, next: next), headers: ManagementPage.noStore)
    }
}

/// The JSON of a checkpoint page; `next` is omitted on the last page, as Auth0 does.
private struct CheckpointList<Item: Encodable>: Encodable {
    let key: String
    let items: [Item]
    let next: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(items, forKey: Key(stringValue: key))
        try container.encodeIfPresent(next, forKey: Key(stringValue: "next"))
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

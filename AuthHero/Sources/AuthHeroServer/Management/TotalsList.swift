/// The `include_totals=true` shape of a Management API list: `{<key>: [...], start, limit, total}` (plus `length`
/// for users), where the collection's key depends on the route.
struct TotalsList<Item: Encodable>: Encodable {
    let key: String
    let items: [Item]
    let start: Int
    let limit: Int
    let length: Int?
    let total: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(items, forKey: Key(key))
        try container.encode(start, forKey: Key("start"))
        try container.encode(limit, forKey: Key("limit"))
        try container.encodeIfPresent(length, forKey: Key("length"))
        try container.encode(total, forKey: Key("total"))
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ stringValue: String) { self.stringValue = stringValue }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

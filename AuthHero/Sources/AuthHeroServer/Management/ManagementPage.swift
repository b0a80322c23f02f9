import AuthHeroCore
import Hummingbird

/// Auth0 pagination of Management API lists: `page` (0-based), `per_page` (1...100, default 50) and
/// `include_totals` (a bare array, or an object with `start`, `limit`, `total`).
struct ManagementPage: Sendable, Equatable {
    static let defaultPerPage = 50
    static let maximumPerPage = 100

    let page: Int
    let perPage: Int
    let includeTotals: Bool

    /// Reads the query; a value that is not a number in range is a 400 `invalid_paging`, never a silent default.
    init(_ request: Request) throws(ManagementError) {
        var query: [String: Substring] = [:]
        for (key, value) in request.uri.queryParameters where query[String(key)] == nil { query[String(key)] = value }
        page = try Self.number(query["page"], name: "page", range: 0...Int.max, default: 0)
        perPage = try Self.number(
            query["per_page"], name: "per_page", range: 1...Self.maximumPerPage, default: Self.defaultPerPage)
        switch query["include_totals"] {
        case nil, "false": includeTotals = false
        case "true": includeTotals = true
        default:
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_query_string",
                message: "include_totals must be true or false.")
        }
    }

    /// The rows this page asks storage for; a page so far out that its offset overflows asks for nothing.
    var window: ListWindow {
        let (start, overflow) = page.multipliedReportingOverflow(by: perPage)
        return overflow ? ListWindow(offset: Int.max, limit: 0) : ListWindow(offset: start, limit: perPage)
    }

    /// The answer for one storage slice: a bare array, or with `include_totals` an object holding the items under
    /// `key` with `start`, `limit`, `total` (and `length`, the item count, where Auth0 sends it, e.g. users).
    func response<Item: Encodable & Sendable>(_ slice: ListSlice<Item>, key: String, includeLength: Bool = false)
        -> Response
    {
        guard includeTotals else { return JSONResponse.make(slice.items, headers: ManagementPage.noStore) }
        let list = TotalsList(
            key: key, items: slice.items, start: window.offset, limit: perPage,
            length: includeLength ? slice.items.count : nil, total: slice.total)
        return JSONResponse.make(list, headers: ManagementPage.noStore)
    }

    /// Management answers carry tokens' data: never cached.
    static let noStore: HTTPFields = [.cacheControl: "no-store"]

    /// The slice of `items` this page shows; empty beyond the end.
    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let (start, overflow) = page.multipliedReportingOverflow(by: perPage)
        guard !overflow, start < items.count else { return [] }
        return items[start..<min(items.count, start + perPage)]
    }

    private static func number(
        _ value: Substring?, name: String, range: ClosedRange<Int>, default fallback: Int
    ) throws(ManagementError) -> Int {
        guard let value else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            let bound =
                range.upperBound == Int.max
                ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_paging", message: "\(name) must be a whole number, \(bound).")
        }
        return number
    }
}

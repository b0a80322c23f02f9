/// Which slice of a list a caller wants, by offset (`page * per_page` in the Management API) and size.
public struct ListWindow: Sendable, Equatable {
    /// How many items to skip.
    public var offset: Int
    /// The most items to return.
    public var limit: Int

    /// Creates a window; negative values are clamped to zero.
    public init(offset: Int, limit: Int) {
        self.offset = max(0, offset)
        self.limit = max(0, limit)
    }
}

/// One window of a list plus the size of the whole list, for `include_totals`.
public struct ListSlice<Item: Sendable>: Sendable {
    /// The items of the window, in the list's order; empty beyond the end.
    public var items: [Item]
    /// How many items the whole list has.
    public var total: Int

    /// Creates a slice.
    public init(items: [Item], total: Int) {
        self.items = items
        self.total = total
    }
}

/// One checkpoint page of a list ordered by id (Auth0's `from`/`take`): the items, and the id to pass as `from` for
/// the next page (nil on the last page).
public struct CheckpointSlice<Item: Sendable>: Sendable {
    /// The items, in id order.
    public var items: [Item]
    /// The first id of the next page, or nil when there is none.
    public var next: String?

    /// Creates a checkpoint page.
    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

extension ListSlice {
    /// The same slice with every item transformed (e.g. into its API shape).
    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> ListSlice<Other> {
        ListSlice<Other>(items: try items.map(transform), total: total)
    }
}

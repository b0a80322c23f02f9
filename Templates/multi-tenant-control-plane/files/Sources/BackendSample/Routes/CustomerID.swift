import Hummingbird

/// The customer named in a route's path: an organization id such as `org_2bXk...` or `org_coffee_shop`.
enum CustomerID {
    static let maximumLength = 64

    /// The path parameter `name`, checked to be an organization id; anything else is a 400, never a look-up.
    static func parameter(_ name: String, in context: BackendRequestContext) throws(BackendError) -> String {
        guard let value = context.parameters.get(name), (1...maximumLength).contains(value.count),
            value.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
            })
        else {
            throw .invalidRequest(
                "The \(name) in the path must be an organization id (letters, digits, _ and -, at most "
                    + "\(maximumLength) characters), e.g. org_coffee_shop.")
        }
        return value
    }
}

/// Which Auth0 ids this server keeps as they are: the Auth0 shapes (`rol_…`, `org_…`, `con_…`, client ids,
/// resource server ids) are letters, digits, `_` and `-`; anything else gets one of our ids, so an id from the
/// export can never carry a separator or a path into our storage.
enum Auth0Identifier {
    static let maximumLength = 64

    static func kept(_ id: String?, prefix: String) -> String {
        guard let id, isAcceptable(id) else { return RandomToken.identifier(prefix: prefix) }
        return id
    }

    static func isAcceptable(_ id: String) -> Bool {
        !id.isEmpty && id.count <= maximumLength
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
            }
    }
}

import Foundation
import HTTPTypes
import OpenAPIKit

/// OpenAPI links from each operation that creates an object to the operations on that object, derived from the
/// route table's paths: `POST roles` answers a `Role`, so its answer links to `GET roles/{id}`,
/// `POST roles/{id}/permissions`, `DELETE roles/{id}` and the rest, with `id` taken from the answer. Tools that
/// follow links (schemathesis's stateful phase, generated clients) then reach every operation with a real object
/// instead of guessing ids.
enum SpecLinks {
    /// The links each operation's success answer carries, by operationId.
    static func links(
        _ operations: [ManagementOperation], schemas: [(String, JSONSchema)]
    ) -> [String: OpenAPI.Link.Map] {
        let properties = Dictionary(
            schemas.map { ($0.0, Set($0.1.objectContext?.properties.keys ?? [])) }, uniquingKeysWith: { a, _ in a })
        var links: [String: OpenAPI.Link.Map] = [:]
        for producer in operations where producer.method == .post {
            var map = OpenAPI.Link.Map()
            if let created = producer.response?.reference?.name, let fields = properties[created] {
                for (consumer, parameter) in objectOperations(of: producer, in: operations) {
                    guard let field = identifier(for: parameter, collection: producer.path, in: fields) else {
                        continue
                    }
                    map[consumer.operationID] = .b(
                        link(to: consumer, producer: producer, parameter: parameter, from: "$response.body#/\(field)"))
                }
            }
            for (consumer, parameter, pointer) in requestLinks(from: producer, in: operations) {
                map[consumer.operationID] = .b(
                    link(to: consumer, producer: producer, parameter: parameter, from: "$request.body#\(pointer)"))
            }
            if !map.isEmpty { links[producer.operationID] = map }
        }
        return links
    }

    /// Operations whose path is the producer's collection followed by one parameter (`roles/{id}`,
    /// `roles/{id}/permissions`), with that parameter's name. The collection of an action (`keys/signing/rotate`)
    /// is its parent path.
    private static func objectOperations(
        of producer: ManagementOperation, in operations: [ManagementOperation]
    ) -> [(ManagementOperation, String)] {
        let collections = [producer.path, parent(of: producer.path)].compactMap { $0 }
        return operations.compactMap { consumer in
            for collection in collections {
                let prefix = collection + "/{"
                guard consumer.path.hasPrefix(prefix) else { continue }
                let rest = consumer.path.dropFirst(prefix.count)
                guard let close = rest.firstIndex(of: "}") else { continue }
                return (consumer, String(rest[..<close]))
            }
            return nil
        }
    }

    /// Operations that act on an object named in the producer's request body: adding members to an organization
    /// links to that member's roles (`organizations/{id}/members/{user_id}/roles`) with the first member's id.
    private static func requestLinks(
        from producer: ManagementOperation, in operations: [ManagementOperation]
    ) -> [(ManagementOperation, String, String)] {
        guard let body = producer.body?.schema.objectContext?.properties else { return [] }
        return operations.compactMap { consumer in
            let prefix = producer.path + "/{"
            guard consumer.path.hasPrefix(prefix), consumer.path != producer.path,
                let close = consumer.path.dropFirst(prefix.count).firstIndex(of: "}")
            else { return nil }
            let parameter = String(consumer.path.dropFirst(prefix.count)[..<close])
            // `members: [user_id]`: a list of ids names the objects the consumer's `{user_id}` takes.
            guard parameter.hasSuffix("_id"),
                let list = body.first(where: { $0.value.arrayContext?.items?.jsonType == .string })
            else { return nil }
            return (consumer, parameter, "/\(list.key)/0")
        }
    }

    /// The property of the created object that the consumer's parameter takes: the parameter's own name (`kid`),
    /// `id`, or the collection's singular with `_id` (`users` → `user_id`, `custom-domains` → `custom_domain_id`).
    private static func identifier(for parameter: String, collection: String, in fields: Set<String>) -> String? {
        let last = collection.split(separator: "/").last.map(String.init) ?? collection
        let named = singular(last).map { $0.replacingOccurrences(of: "-", with: "_") + "_id" }
        return [parameter, "id", named].compactMap { $0 }.first(where: fields.contains)
    }

    private static func link(
        to consumer: ManagementOperation, producer: ManagementOperation, parameter: String, from source: String
    ) -> OpenAPI.Link {
        var parameters: OrderedDictionary<String, Either<OpenAPI.RuntimeExpression, AnyCodable>> = [:]
        // The producer's own path parameters (`organizations/{id}/members`) carry over by name.
        for name in consumer.pathParameters where name != parameter && producer.pathParameters.contains(name) {
            if let expression = OpenAPI.RuntimeExpression(rawValue: "$request.path.\(name)") {
                parameters["path.\(name)"] = .a(expression)
            }
        }
        if let expression = OpenAPI.RuntimeExpression(rawValue: source) {
            parameters["path.\(parameter)"] = .a(expression)
        }
        return OpenAPI.Link(operationId: consumer.operationID, parameters: parameters)
    }

    private static func parent(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    private static func singular(_ word: String) -> String? {
        word.hasSuffix("s") ? String(word.dropLast()) : nil
    }
}

import Foundation

extension UpdatePlan {
    private struct Summary: Encodable {
        struct File: Encodable {
            let path: String
            let action: Action
            let from: String?
            let conflicts: Int
        }

        let target: String
        let fromVersion: String
        let toVersion: String
        let conflicts: Int
        let modifiedVendoredFiles: [String]
        let files: [File]

        enum CodingKeys: String, CodingKey {
            case target, conflicts, files
            case fromVersion = "from_version"
            case toVersion = "to_version"
            case modifiedVendoredFiles = "modified_vendored_files"
        }
    }

    /// The plan as JSON (sorted keys): `{target, from_version, to_version, conflicts,
    /// modified_vendored_files, files: [{path, action, from, conflicts}]}`; unchanged files are left out.
    public func json() throws -> Data {
        let summary = Summary(
            target: target.path, fromVersion: fromVersion, toVersion: toVersion, conflicts: conflictCount,
            modifiedVendoredFiles: modifiedVendoredFiles,
            files: entries.filter { $0.action != .unchanged }.map {
                .init(path: $0.path, action: $0.action, from: $0.from, conflicts: $0.conflicts)
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(summary)
    }
}

import Foundation

extension RenderPlan {
    private struct Summary: Encodable {
        struct File: Encodable {
            let path: String
            let action: Action
            let `class`: FileClass
            let executable: Bool
            let bytes: Int
        }

        let target: String
        let state: TargetState
        let files: [File]
    }

    /// The plan as JSON (sorted keys): `{target, state, files: [{path, action, class, executable, bytes}]}`.
    public func json() throws -> Data {
        let summary = Summary(
            target: target.path, state: state,
            files: entries.map {
                .init(
                    path: $0.file.path, action: $0.action, class: $0.file.class,
                    executable: $0.file.executable, bytes: $0.file.contents.count)
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(summary)
    }
}

import Foundation

/// Role names: what the Management API accepts for `name` on create and update.
enum RoleName {
    static let maximumLength = 255

    /// The trimmed name, or a 400 `invalid_body` when it is empty or too long.
    static func validated(_ name: String) throws(ManagementError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maximumLength else {
            throw ManagementError.invalidBody("A role name must have 1 to \(maximumLength) characters.")
        }
        return trimmed
    }
}

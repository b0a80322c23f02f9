/// A failure a command explains to its user (ArgumentParser prints the description and exits 1).
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation

/// The production ``DomainVerifier``: runs `dig +short TXT <name>` (from bind9-dnsutils), which asks the machine's
/// configured resolvers. Kept this simple on purpose: no DNS client of our own, and when `dig` is missing or fails
/// the lookup reports ``DomainVerifierError/unavailable(_:)`` instead of pretending the record is absent.
public struct DigDomainVerifier: DomainVerifier {
    /// Where `dig` lives.
    public let executablePath: String

    /// A verifier using the `dig` at `executablePath`.
    public init(executablePath: String = "/usr/bin/dig") { self.executablePath = executablePath }

    public func txtRecords(for name: String) async throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: executablePath) else {
            throw DomainVerifierError.unavailable(
                "\(executablePath) is not installed; install dig (Debian: bind9-dnsutils) or configure another "
                    + "domain verifier.")
        }
        let output = try await run(["+short", "+time=3", "+tries=2", "TXT", name])
        return output.split(whereSeparator: \.isNewline).compactMap { Self.record(fromLine: String($0)) }
    }

    /// One line of `dig +short TXT` output (`"part one" "part two"`) as the record's text: a long record arrives as
    /// several quoted strings that make one value. Lines that are not quoted strings (dig's comments) are skipped.
    static func record(fromLine line: String) -> String? {
        var text = ""
        var inString = false
        var escaped = false
        var sawString = false
        for character in line {
            if inString {
                if escaped {
                    text.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                } else {
                    text.append(character)
                }
            } else if character == "\"" {
                inString = true
                sawString = true
            } else if !character.isWhitespace {
                return nil
            }
        }
        return sawString && !inString ? text : nil
    }

    /// Runs dig on a dispatch thread: reading its output and waiting for it block, which must not hold one of the
    /// few threads of Swift's cooperative pool. Output is read before waiting, so a full pipe cannot stall dig.
    private func run(_ arguments: [String]) async throws -> String {
        let executablePath = executablePath
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executablePath)
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(
                        throwing: DomainVerifierError.unavailable("\(executablePath) could not be started."))
                    return
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                // dig exits 0 for "no such record" too (an empty answer); another status means the lookup failed.
                guard process.terminationStatus == 0 else {
                    continuation.resume(
                        throwing: DomainVerifierError.unavailable(
                            "dig exited with status \(process.terminationStatus); check the server's DNS set-up."))
                    return
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
    }
}

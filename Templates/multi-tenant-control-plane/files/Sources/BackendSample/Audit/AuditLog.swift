import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only JSON-lines file: one ``AuditRecord`` per line, written and synced to disk before ``append(_:)``
/// returns, so a record exists before the data it describes is served.
///
/// The file is opened for every record (`O_APPEND`, mode 0600), which keeps each line whole even when several
/// processes share the file and lets an operator rotate it at any time.
actor AuditLog {
    /// The file's path.
    let path: String

    /// A log writing to `path`; the file is created by the first record.
    init(path: String) {
        self.path = path
    }

    /// Appends `record` as one line and waits until it is on disk; throws ``BackendError/auditUnavailable``
    /// otherwise.
    func append(_ record: AuditRecord) throws(BackendError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSONEncoder escapes control characters, so a crafted customer id cannot break a line in two.
        guard var line = try? encoder.encode(record) else { throw .auditUnavailable }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .auditUnavailable }
        defer { close(descriptor) }
        guard Self.writeAll(line, to: descriptor), fsync(descriptor) == 0 else { throw .auditUnavailable }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }
}

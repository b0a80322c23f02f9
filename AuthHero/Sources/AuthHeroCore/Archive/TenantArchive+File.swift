import Foundation

extension TenantArchive {
    /// The archive as JSON with sorted keys, so two exports of the same data are byte-identical.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Decodes an archive, checking its format and version; throws ``TenantArchiveError``.
    public static func decode(_ data: Data) throws -> TenantArchive {
        let archive: TenantArchive
        do {
            archive = try JSONDecoder().decode(TenantArchive.self, from: data)
        } catch {
            throw TenantArchiveError.notAnArchive("the file is not an archive's JSON (\(error))")
        }
        guard archive.format == formatName else {
            throw TenantArchiveError.notAnArchive("format is \"\(archive.format)\", not \"\(formatName)\"")
        }
        guard archive.version == currentVersion else { throw TenantArchiveError.unsupportedVersion(archive.version) }
        return archive
    }

    /// Writes the archive to `url`, readable and writable by its owner only (0600): it holds password hashes and
    /// private signing keys. An existing file is replaced and its permissions narrowed.
    public func write(to url: URL) throws {
        let data = try encoded()
        let path = url.path
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        // Created with 0600 from the start, so the contents are never readable by others, not even briefly.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }

    /// Reads and decodes the archive at `url`; throws ``TenantArchiveError`` for a file that is not one.
    public static func read(from url: URL) throws -> TenantArchive {
        try decode(try Data(contentsOf: url))
    }
}

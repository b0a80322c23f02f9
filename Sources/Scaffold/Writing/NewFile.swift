import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates files that have their final mode from the moment they exist.
///
/// Writing first and setting the mode afterwards leaves a window in which a secret (`.env`, a seeded database,
/// a password file) is readable by everyone on the machine under the usual umask; here the mode is given to
/// `open(2)` itself.
public enum NewFile {
    /// Creates the file at `url`, which must not exist yet (a link there is refused rather than followed), with
    /// exactly `permissions` (the umask can only narrow the mode at creation; it is then set exactly), and
    /// returns it open for writing.
    public static func create(at url: URL, permissions: Int) throws(ScaffoldError) -> FileHandle {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else {
            throw .fileSystem(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard fchmod(descriptor, mode_t(permissions)) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .fileSystem(path: url.path, reason: reason)
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Creates the file at `url` (see ``create(at:permissions:)``), writes `contents` and syncs it to disk.
    public static func write(_ contents: Data, to url: URL, permissions: Int) throws(ScaffoldError) {
        let handle = try create(at: url, permissions: permissions)
        do {
            try handle.write(contentsOf: contents)
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .fileSystem(path: url.path, reason: error.localizedDescription)
        }
    }
}

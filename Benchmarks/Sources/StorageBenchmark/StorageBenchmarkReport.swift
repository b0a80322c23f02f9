import Foundation

/// What one layout measured.
struct StorageBenchmarkReport {
    var creationSeconds: [Double]
    var tokensPerSecond: Double
    /// With two server instances on one database (nil where the layout runs in one process).
    var twoInstanceTokensPerSecond: Double?
    var listingSeconds: [Double]
    var migrateSeconds: Double
    var diskBytes: Int64
    var residentKilobytes: Int

    func lines(store: String, tenants: Int) -> String {
        let creation = creationSeconds.sorted()
        let listing = listingSeconds.sorted()
        func at(_ values: [Double], _ fraction: Double) -> Double {
            values[min(values.count - 1, Int(Double(values.count) * fraction))]
        }
        let twoInstances = twoInstanceTokensPerSecond.map {
            "\n  client-credentials tokens/s with two server instances on this database, alternate connections: "
                + "\(Int($0)) (\(String(format: "%.2f", $0 / tokensPerSecond)) × one instance)"
        }
        return """
            storage: \(store), \(tenants) tenants
              create a tenant (provisioner, RSA key included): median \(ms(at(creation, 0.5))) ms, p95 \(ms(at(creation, 0.95))) ms, total \(String(format: "%.1f", creation.reduce(0, +))) s
              client-credentials tokens/s (one tenant, HTTP keep-alive): \(Int(tokensPerSecond))\(twoInstances ?? "")
              migrate over what is there (nothing to apply): \(ms(migrateSeconds)) ms
              GET /api/v2/users in one tenant among \(tenants): median \(ms(at(listing, 0.5))) ms, p95 \(ms(at(listing, 0.95))) ms
              disk: \(String(format: "%.1f", Double(diskBytes) / 1_048_576)) MiB
              resident memory of this process (VmRSS after the run; PostgreSQL's own is not counted): \(residentKilobytes / 1024) MiB
            """
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1_000) }

    /// The process's resident set size in KiB, from `/proc/self/status` (0 where there is none).
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }

    /// Bytes of every file under `folder`.
    static func diskBytes(_ folder: URL) -> Int64 {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        var total: Int64 = 0
        while let file = files?.nextObject() as? URL {
            total += Int64((try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)
        }
        return total
    }
}

import Foundation
import Hummingbird

/// JSON responses written the same way everywhere (sorted keys, `/` unescaped so URLs read naturally).
enum JSONResponse {
    /// One encoder for every response: its options never change after this, and encoding is thread-safe, so the
    /// per-response cost is the encoding alone.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response
    {
        // Every value passed here is a plain Codable struct of strings, numbers and arrays, so encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation

/// A strict, bounded reader of `multipart/form-data` (RFC 7578): the boundary from the `Content-Type`, CRLF framing,
/// one `Content-Disposition: form-data; name="..."` per part, at most ``maximumParts`` parts. Anything else is a
/// ``MultipartFormDataError`` (answered 400), never a guess.
struct MultipartFormData {
    /// One part: its field name, the file name when it is a file, and its bytes.
    struct Part {
        let name: String
        let filename: String?
        let contentType: String?
        let data: Data
    }

    static let maximumParts = 16
    static let maximumHeaderBytes = 8 * 1024

    let parts: [Part]

    /// The first part named `name`, if any.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The first part named `name` as UTF-8 text, if any.
    func text(_ name: String) -> String? { part(name).map { String(decoding: $0.data, as: UTF8.self) } }

    /// The boundary a `Content-Type: multipart/form-data; boundary=...` header names (RFC 2046 §5.1.1: 1 to 70
    /// characters, possibly quoted).
    static func boundary(contentType: String?) throws(MultipartFormDataError) -> String {
        guard let contentType else { throw .notMultipart }
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { throw .notMultipart }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            guard (1...70).contains(value.utf8.count), !value.hasSuffix(" ") else { throw .invalidBoundary }
            return value
        }
        throw .invalidBoundary
    }

    /// Parses `body` framed by `boundary`.
    init(body: Data, boundary: String) throws(MultipartFormDataError) {
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard bytes.starts(with: delimiter) else { throw .malformed("the body does not start with the boundary") }
        var index = delimiter.count
        var parts: [Part] = []
        while true {
            guard index + 2 <= bytes.count else { throw .malformed("the body ends before its closing boundary") }
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                let rest = bytes[(index + 2)...]
                guard rest.isEmpty || Array(rest) == [13, 10] else {
                    throw .malformed("nothing may follow the closing boundary")
                }
                break
            }
            guard bytes[index] == 13, bytes[index + 1] == 10 else { throw .malformed("a boundary must end with CRLF") }
            index += 2
            guard parts.count < Self.maximumParts else { throw .malformed("more than \(Self.maximumParts) parts") }
            guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes, from: index),
                headerEnd - index <= Self.maximumHeaderBytes
            else { throw .malformed("a part's headers do not end with an empty line") }
            let headers = try Self.headers(Array(bytes[index..<headerEnd]))
            let contentStart = headerEnd + 4
            guard let contentEnd = Self.find(separator, in: bytes, from: contentStart) else {
                throw .malformed("a part is not followed by the boundary")
            }
            parts.append(
                Part(
                    name: headers.name, filename: headers.filename, contentType: headers.contentType,
                    data: Data(bytes[contentStart..<contentEnd])))
            index = contentEnd + separator.count
        }
        self.parts = parts
    }

    private static func headers(_ bytes: [UInt8]) throws(MultipartFormDataError) -> (
        name: String, filename: String?, contentType: String?
    ) {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw .malformed("a part's headers are not UTF-8")
        }
        var name: String?
        var filename: String?
        var contentType: String?
        for line in text.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .malformed("a part's header line has no colon") }
            switch pair[0].lowercased() {
            case "content-disposition":
                let parameters = try dispositionParameters(pair[1])
                name = parameters["name"]
                filename = parameters["filename"]
            case "content-type": contentType = pair[1]
            default: continue
            }
        }
        guard let name, !name.isEmpty else { throw .malformed("a part has no Content-Disposition: form-data; name") }
        return (name, filename, contentType)
    }

    /// The parameters of `form-data; name="users"; filename="users.json"`.
    private static func dispositionParameters(_ value: String) throws(MultipartFormDataError) -> [String: String] {
        let pieces = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "form-data" else { throw .malformed("a part is not form-data") }
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw .malformed("a Content-Disposition parameter has no value") }
            var parameter = pair[1]
            if parameter.count >= 2, parameter.hasPrefix("\""), parameter.hasSuffix("\"") {
                parameter = String(parameter.dropFirst().dropLast())
            }
            parameters[pair[0].lowercased()] = parameter
        }
        return parameters
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// Why a `multipart/form-data` body was refused.
enum MultipartFormDataError: Error, Equatable, CustomStringConvertible {
    case notMultipart
    case invalidBoundary
    case malformed(String)

    var description: String {
        switch self {
        case .notMultipart: "The body must be multipart/form-data."
        case .invalidBoundary: "The Content-Type must name a boundary of 1 to 70 characters."
        case .malformed(let reason): "The multipart/form-data body is malformed: \(reason)."
        }
    }
}

import AuthHeroCore
import Foundation
import Testing

struct Base64URLTests {
    /// RFC 4648 §10's vectors, unpadded.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func encodesTheRFCVectorsWithoutPadding(input: String, expected: String) {
        #expect(Base64URL.encode(Data(input.utf8)) == expected)
    }

    @Test func usesTheURLSafeAlphabet() {
        // 0xfb 0xff 0xbf is "+/+/" in standard base64.
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf, 0xfb, 0xff]) == "-_-_-_8")
    }

    @Test func agreesWithFoundationOnRandomBytes() {
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected)
        }
    }
}

import Testing

@testable import AuthHeroServer

struct OAuthFormTests {
    @Test func decodesPlusAsSpaceAndPercentEscapes() throws {
        let body = "grant_type=client_credentials&scope=read%3Adata+write:data&client_secret=a%2Bb%26c%3D"
        let form = try OAuthForm(body[...])
        #expect(form["grant_type"] == "client_credentials")
        #expect(form["scope"] == "read:data write:data")
        #expect(form["client_secret"] == "a+b&c=")
    }

    @Test func keepsEverythingAfterTheFirstEqualsSign() throws {
        let form = try OAuthForm("code=abc==&state"[...])
        #expect(form["code"] == "abc==")
        #expect(form["state"] == "")
    }

    @Test func decodesUTF8Escapes() throws {
        #expect(try OAuthForm("name=J%C3%BCrgen"[...])["name"] == "Jürgen")
    }

    @Test func ignoresEmptyPairs() throws {
        let form = try OAuthForm("&&a=1&&b=2&"[...])
        #expect(form.parameters == ["a": "1", "b": "2"])
    }

    @Test func refusesAParameterSentTwice() {
        #expect(throws: OAuthForm.ParseError.duplicateParameter("scope")) {
            try OAuthForm("scope=a&scope=b"[...])
        }
    }

    @Test(arguments: ["grant_type=%ZZ", "a=%E2%82", "=value", "%=x"])
    func refusesMalformedEncoding(body: String) {
        #expect(throws: OAuthForm.ParseError.self) { try OAuthForm(body[...]) }
    }
}

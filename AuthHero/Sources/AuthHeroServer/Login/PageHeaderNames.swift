import HTTPTypes

/// Response headers of the login pages that HTTPTypes does not name.
extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

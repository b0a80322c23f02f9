import AuthHeroCore
import Testing

@Suite struct ColumnNameTests {
    @Test(arguments: [
        ("tenantID", "tenant_id"), ("allowedLogoutURLs", "allowed_logout_urls"), ("privateKeyPEM", "private_key_pem"),
        ("redirectURI", "redirect_uri"), ("isSystem", "is_system"), ("id", "id"),
        ("codeChallengeMethod", "code_challenge_method"),
    ])
    func propertyAndColumnNamesMapBothWays(property: String, column: String) {
        #expect(ColumnName.column(property) == column)
        #expect(ColumnName.property(column) == property)
    }
}

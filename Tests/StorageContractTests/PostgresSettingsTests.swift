import AuthHeroPostgres
import Testing

@Suite struct PostgresSettingsTests {
    let url = "postgres://authhero:s3cret@db:5432/authhero?sslmode=require"

    @Test func defaultsAreASharedLayoutAndTenConnections() throws {
        let settings = try PostgresSettings(environment: ["DATABASE_URL": url])
        #expect(settings.layout == .shared)
        #expect(settings.poolSize == PostgresSettings.defaultPoolSize)
        #expect(settings.url.sslMode == .require)
    }

    @Test func theFlagWinsAndEverySettingIsRead() throws {
        let settings = try PostgresSettings(
            environment: [
                "DATABASE_URL": "postgres://other@elsewhere/x", "DATABASE_POOL_SIZE": "4",
                "STORAGE": "schema-per-tenant",
            ],
            databaseURL: url)
        #expect(settings.url.host == "db")
        #expect(settings.poolSize == 4)
        #expect(settings.layout == .schemaPerTenant)
    }

    @Test func aSQLiteLayoutOnPostgreSQLIsRefusedWithOneLineSayingWhatToUse() {
        let error = #expect(throws: PostgresSettingError.self) {
            try PostgresSettings(environment: ["DATABASE_URL": url, "STORAGE": "database-per-tenant"])
        }
        #expect(error?.description.contains("\"shared\" or \"schema-per-tenant\"") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func badValuesAreRefusedWithoutShowingThePassword() {
        let cases: [([String: String], PostgresSettingError)] = [
            ([:], .missingURL),
            (["DATABASE_URL": url, "DATABASE_POOL_SIZE": "0"], .invalidPoolSize("0")),
            (["DATABASE_URL": url, "STORAGE": "sharded"], .unknownLayout("sharded")),
            (["DATABASE_URL": "postgres://authhero:s3cret@db/x?pool=3"], .url(.unsupportedParameter("pool"))),
        ]
        for (environment, expected) in cases {
            let error = #expect(throws: PostgresSettingError.self) { try PostgresSettings(environment: environment) }
            #expect(error == expected)
            #expect(error?.description.contains("s3cret") == false)
        }
    }
}

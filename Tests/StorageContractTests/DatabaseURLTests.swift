import AuthHeroPostgres
import PostgresNIO
import Testing

@Suite struct DatabaseURLTests {
    @Test func readsEveryPartTheWayLibpqDoes() throws {
        let url = try DatabaseURL("postgres://auth%40hero:p%2Fss@db.internal:6432/authhero?sslmode=verify-full")
        #expect(url.username == "auth@hero")
        #expect(url.password == "p/ss")
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.database == "authhero")
        #expect(url.sslMode == .verifyFull)
    }

    @Test func defaultsAreLibpqs() throws {
        let url = try DatabaseURL("postgresql://authhero@localhost")
        #expect(url.port == 5432)
        #expect(url.database == "authhero")
        #expect(url.sslMode == .prefer)
        #expect(url.password == nil)
    }

    @Test(arguments: ["disable", "prefer", "require", "verify-full"])
    func everySupportedSSLModeMapsOntoAClientConfiguration(mode: String) throws {
        let configuration = try DatabaseURL("postgres://u:secret@h/d?sslmode=\(mode)").clientConfiguration(poolSize: 7)
        #expect(configuration.options.maximumConnections == 7)
        #expect(configuration.username == "u")
    }

    @Test func descriptionAndErrorsNeverShowThePassword() throws {
        let url = try DatabaseURL("postgres://u:hunter2@h:5432/d?sslmode=require")
        #expect(!url.description.contains("hunter2"))
        #expect(url.description == "postgres://u:***@h:5432/d?sslmode=require")
        let error = #expect(throws: DatabaseURLError.self) {
            try DatabaseURL("postgres://u:hunter2@h/d?sslmode=allow")
        }
        #expect(error == .unsupportedSSLMode("allow"))
        #expect(error.map { !"\($0)".contains("hunter2") } == true)
    }

    @Test func unknownParametersAndOtherSchemesAreRefused() {
        #expect(throws: DatabaseURLError.unsupportedParameter("pool_size")) {
            try DatabaseURL("postgres://u@h/d?pool_size=4")
        }
        #expect(throws: DatabaseURLError.notAPostgresURL) { try DatabaseURL("mysql://u@h/d") }
        #expect(throws: DatabaseURLError.missingUser) { try DatabaseURL("postgres://h/d") }
    }
}

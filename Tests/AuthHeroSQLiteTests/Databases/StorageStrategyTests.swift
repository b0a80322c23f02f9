import AuthHeroSQLite
import Foundation
import Testing

/// `STORAGE` and `STORAGE_OPEN_FILES` choose the layout at run time; bad values are refused with a message that
/// says what is accepted.
@Suite struct StorageStrategyTests {
    @Test func sharedIsTheDefault() throws {
        let strategy = try StorageStrategy(environment: [:], databasePath: "data/control-plane.sqlite")
        #expect(strategy.layout == .shared)
        #expect(strategy.openFiles == StorageStrategy.defaultOpenFiles)
    }

    @Test func databasePerTenantKeepsTenantFilesNextToTheControlPlane() throws {
        let strategy = try StorageStrategy(
            environment: ["STORAGE": "database-per-tenant", "STORAGE_OPEN_FILES": "8"],
            databasePath: "/srv/auth/data/control-plane.sqlite")
        #expect(strategy.layout == .databasePerTenant)
        #expect(strategy.openFiles == 8)
        #expect(strategy.tenantFile("acme").path == "/srv/auth/data/tenants/acme.sqlite")
    }

    @Test(arguments: ["Shared", "per-tenant", ""])
    func anUnknownLayoutIsRefusedWithTheAcceptedValues(_ value: String) {
        #expect(throws: StorageSettingError.unknownLayout(value)) {
            try StorageStrategy(environment: ["STORAGE": value], databasePath: "x.sqlite")
        }
        #expect(StorageSettingError.unknownLayout(value).description.contains("\"database-per-tenant\""))
    }

    @Test(arguments: ["0", "-3", "many"])
    func aBadOpenFilesBoundIsRefused(_ value: String) {
        #expect(throws: StorageSettingError.invalidOpenFiles(value)) {
            try StorageStrategy(environment: ["STORAGE_OPEN_FILES": value], databasePath: "x.sqlite")
        }
    }
}

// Test helper for `ProvisioningKillTests`: creates a tenant in the SQLite file it is given and kills its own process
// with SIGKILL in the middle of phase two (after the control-plane record, the signing key and the management API,
// before the synced copies and `ready`), the way a crash or an OOM kill would. Only this helper installs the
// killing hook; production code has no crash switch.
import AuthHeroCore
import AuthHeroSQLite
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: ProvisioningKillHelper <database> <tenant> <creator user id>\n".utf8))
    exit(64)
}
let storage = try SQLiteStorage.open(path: arguments[1])
try storage.migrate()
let clock = SystemClock()
var plugin = MultiTenancyPlugin()
plugin.hooks.tenantCreated = { _, _ in
    kill(getpid(), SIGKILL)
}
let provisioner = TenantProvisioner(
    storage: storage, keys: SigningKeyService(storage: storage, clock: clock), clock: clock, multiTenancy: plugin)
_ = try await provisioner.create(name: arguments[2], displayName: arguments[2], creatorUserID: arguments[3])
FileHandle.standardError.write(Data("the process should have been killed during provisioning\n".utf8))
exit(1)

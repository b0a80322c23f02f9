// Test server for `Scripts/management-api-fuzz.sh`: migrates the SQLite file it is given, seeds the control plane
// (its management API, a database connection, a user, a role, an organization, a customer tenant) and a machine
// client holding every management scope plus `admin:tenants`, and, in the customer tenant, a machine client holding
// what the tenant's own `admin` role holds (the attacker of the negative cases). Serves on 127.0.0.1 on a free port
// and prints one JSON line for the fuzzer: `{"port", "token", "tenant": {"host", "token", "scopes"}}`. Runs until it
// is sent SIGTERM or SIGINT.
import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import Foundation
import Hummingbird
import Logging

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: ManagementFuzzServer <database file>\n".utf8))
    exit(64)
}
let storage = try SQLiteStorage.open(path: arguments[1])
try storage.migrate()
let hosts = try PlatformHosts(baseURL: "http://localhost:3000/", development: true)
// bcrypt's lowest cost: the fuzzer creates many users, and password strength is not what it tests.
let services = AuthHeroServices(
    storage: storage, hosts: hosts, passwordHasher: PasswordHasher(cost: 4), domainVerifier: NoPublishedRecords())
let cp = ControlPlane.tenantID
let now = services.clock.now()
let bootstrap = TenantBootstrap(storage: storage, keys: services.keys, clock: services.clock)
let controlPlane = try await bootstrap.ensureTenant(id: cp, friendlyName: "Control plane")
try await storage.createResourceServer(BuiltInManagementAPI.resourceServer(tenantID: cp), tenantID: cp)
try await storage.createConnection(
    Connection(tenantID: cp, id: "con_db", name: "Username-Password-Authentication"), tenantID: cp)
try await storage.createUser(
    User(
        tenantID: cp, id: "auth0|fuzz", connection: "Username-Password-Authentication", email: "fuzz@example.com",
        passwordHash: PasswordHasher(cost: 4).hash("correct horse battery staple"), createdAt: now),
    tenantID: cp)
try await storage.createRole(Role(tenantID: cp, id: "rol_fuzz", name: "fuzz"), tenantID: cp)
try await storage.createOrganization(
    Organization(tenantID: cp, id: "org_fuzz000000000000", name: "fuzz", displayName: "Fuzz", createdAt: now),
    tenantID: cp)
let (acme, _) = try await services.tenantProvisioner.create(
    name: "acme", displayName: "Acme", creatorUserID: "auth0|fuzz")
let registrar = ClientRegistrar(clients: storage, clock: services.clock)
let client = try await registrar.register(
    tenantID: cp, name: "Fuzzer", appType: .machineToMachine, clientID: "fuzzer")
try await registrar.grant(
    clientID: "fuzzer", audience: BuiltInManagementAPI.identifier,
    scope: BuiltInManagementAPI.scopes + [BuiltInManagementAPI.platformStaffPermission], tenantID: cp)
let token = try await services.clientCredentials.exchange(
    ClientCredentials(clientID: "fuzzer", clientSecret: client.secret), audience: BuiltInManagementAPI.identifier,
    scope: nil, tenant: TenantContext(tenant: controlPlane, issuer: hosts.controlPlaneIssuer))

let tenantScopes = BuiltInManagementAPI.tenantAdministrationScopes
let tenantClient = try await registrar.register(
    tenantID: acme.id, name: "Tenant administrator", appType: .machineToMachine, clientID: "tenant-fuzzer")
try await registrar.grant(
    clientID: "tenant-fuzzer", audience: BuiltInManagementAPI.identifier, scope: tenantScopes, tenantID: acme.id)
let tenantToken = try await services.clientCredentials.exchange(
    ClientCredentials(clientID: "tenant-fuzzer", clientSecret: tenantClient.secret),
    audience: BuiltInManagementAPI.identifier, scope: nil,
    tenant: TenantContext(tenant: acme, issuer: hosts.subdomainIssuer(tenantID: acme.id)))
let tenantID = acme.id

var logger = Logger(label: "management-fuzz-server")
logger.logLevel = .warning
let app = AuthHeroApplication.make(
    services: services, hostname: "127.0.0.1", port: 0, logger: logger,
    onServerRunning: { port in
        let line = try? JSONSerialization.data(withJSONObject: [
            "port": port, "token": token.accessToken,
            "tenant": [
                "id": tenantID, "host": "\(tenantID).localhost:3000", "token": tenantToken.accessToken,
                "scopes": tenantScopes,
            ],
        ])
        FileHandle.standardOutput.write((line ?? Data()) + Data("\n".utf8))
    })
try await app.runService()

/// Custom-domain verification without network access: no TXT record is ever published.
struct NoPublishedRecords: DomainVerifier {
    func txtRecords(for name: String) async throws -> [String] { [] }
}

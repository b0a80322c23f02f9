import Foundation

/// One application of a plan to a tenant: the writes in dependency order, the Auth0 ids mapped to ours, and the
/// report. In a dry run every lookup happens and no write does.
struct Auth0ImportRun {
    let storage: any AuthHeroStorage
    let clock: any AuthHeroClock
    let tenantID: String
    let dryRun: Bool
    var report = Auth0ImportReport()

    /// Database connections by name, and the names a dry run would create.
    private var connectionNames: Set<String> = []
    /// Resource server identifiers present after the run; Auth0's own Management API's identifiers.
    private var audiences: Set<String> = []
    private var systemAudiences: Set<String> = []
    /// Auth0 role id → our role id.
    private var roleIDs: [String: String] = [:]
    /// Our user ids present after the run.
    private var userIDs: Set<String> = []

    init(storage: any AuthHeroStorage, clock: any AuthHeroClock, tenantID: String, dryRun: Bool) {
        self.storage = storage
        self.clock = clock
        self.tenantID = tenantID
        self.dryRun = dryRun
    }

    private func write(_ work: () async throws -> Void) async throws {
        if !dryRun { try await work() }
    }

    // MARK: - Connections and APIs

    mutating func connections(_ connections: [Auth0Connection]) async throws {
        connectionNames = Set(try await storage.connections(tenantID: tenantID).map(\.name))
        for connection in connections {
            guard connection.strategy == "auth0" else {
                report.skip(
                    .init(
                        kind: .connections, record: connection.name,
                        reason: "strategy \(connection.strategy) is not supported; only database (auth0) connections"))
                continue
            }
            if connectionNames.contains(connection.name) {
                report.updated(.connections)
                continue
            }
            let created = Connection(
                tenantID: tenantID, id: Auth0Identifier.kept(connection.id, prefix: "con_"), name: connection.name)
            try await write { try await storage.createConnection(created, tenantID: tenantID) }
            connectionNames.insert(connection.name)
            report.created(.connections)
        }
    }

    mutating func resourceServers(_ servers: [Auth0ResourceServer]) async throws {
        audiences = Set(try await storage.resourceServers(tenantID: tenantID).map(\.identifier))
        for server in servers {
            if server.isSystem == true {
                systemAudiences.insert(server.identifier)
                report.skip(
                    .init(
                        kind: .resourceServers, record: server.identifier,
                        reason: "Auth0's own Management API; this tenant has its own"))
                continue
            }
            let algorithm = server.signingAlgorithm.flatMap(SigningAlgorithm.init(rawValue:))
            if let name = server.signingAlgorithm, algorithm == nil {
                report.skip(
                    .init(
                        kind: .resourceServers, record: server.identifier,
                        reason: "signing algorithm \(name) is not supported (RS256 or ES256)"))
                continue
            }
            let scopes = (server.scopes ?? []).map {
                ResourceServerScope(value: $0.value, description: $0.description ?? "")
            }
            if var existing = try await storage.resourceServer(identifier: server.identifier, tenantID: tenantID) {
                guard !existing.isSystem, existing.syncedFrom == nil else {
                    report.skip(
                        .init(
                            kind: .resourceServers, record: server.identifier,
                            reason: "this API is managed by the control plane here"))
                    continue
                }
                existing.name = server.name ?? existing.name
                existing.scopes = scopes
                existing.tokenLifetime = server.tokenLifetime ?? existing.tokenLifetime
                existing.allowOfflineAccess = server.allowOfflineAccess ?? existing.allowOfflineAccess
                existing.enforcePolicies = server.enforcePolicies ?? existing.enforcePolicies
                existing.signingAlgorithm = algorithm ?? existing.signingAlgorithm
                try await write { [existing] in try await storage.updateResourceServer(existing, tenantID: tenantID) }
                report.updated(.resourceServers)
                continue
            }
            var created = ResourceServer(
                tenantID: tenantID, id: Auth0Identifier.kept(server.id, prefix: "rs_"), identifier: server.identifier,
                name: server.name ?? server.identifier, scopes: scopes,
                enforcePolicies: server.enforcePolicies ?? false)
            created.tokenLifetime = server.tokenLifetime ?? created.tokenLifetime
            created.allowOfflineAccess = server.allowOfflineAccess ?? false
            created.signingAlgorithm = algorithm ?? .rs256
            try await write { [created] in try await storage.createResourceServer(created, tenantID: tenantID) }
            audiences.insert(server.identifier)
            report.created(.resourceServers)
        }
    }

    // MARK: - Roles

    mutating func roles(_ roles: [Auth0ImportPlan.PlannedRole]) async throws {
        for planned in roles {
            let role = planned.role
            let existing: Role?
            if let byID = try await storage.role(role.id, tenantID: tenantID) {
                existing = byID
            } else {
                existing = try await storage.roles(
                    nameContains: role.name, window: ListWindow(offset: 0, limit: 1_000), tenantID: tenantID
                ).items.first { $0.name == role.name }
            }
            let ours: Role
            if var existing {
                guard existing.syncedFrom == nil else {
                    report.skip(
                        .init(kind: .roles, record: role.name, reason: "this role is managed by the control plane here")
                    )
                    continue
                }
                existing.description = role.description ?? existing.description
                try await write { [existing] in try await storage.updateRole(existing, tenantID: tenantID) }
                report.updated(.roles)
                ours = existing
            } else {
                ours = Role(
                    tenantID: tenantID, id: Auth0Identifier.kept(role.id, prefix: "rol_"), name: role.name,
                    description: role.description ?? "")
                try await write { try await storage.createRole(ours, tenantID: tenantID) }
                report.created(.roles)
            }
            roleIDs[role.id] = ours.id
            try await permissions(planned.permissions, role: ours)
        }
    }

    private mutating func permissions(_ permissions: [Auth0Permission], role: Role) async throws {
        // A role a dry run would create holds nothing yet.
        let roleExists = try await storage.role(role.id, tenantID: tenantID) != nil
        let held = Set(
            roleExists
                ? try await storage.permissions(
                    ofRole: role.id, window: ListWindow(offset: 0, limit: 10_000), tenantID: tenantID
                ).items.map { "\($0.resourceServerIdentifier) \($0.permissionName)" } : [])
        var added: [RolePermission] = []
        for permission in permissions {
            let record = "\(role.name): \(permission.permissionName) on \(permission.resourceServerIdentifier)"
            if systemAudiences.contains(permission.resourceServerIdentifier) {
                report.skip(.init(kind: .permissions, record: record, reason: "a permission on Auth0's Management API"))
            } else if !audiences.contains(permission.resourceServerIdentifier) {
                report.skip(
                    .init(kind: .permissions, record: record, reason: "its API is not in resource-servers.json"))
            } else if held.contains("\(permission.resourceServerIdentifier) \(permission.permissionName)") {
                report.updated(.permissions)
            } else {
                added.append(
                    RolePermission(
                        tenantID: tenantID, roleID: role.id,
                        resourceServerIdentifier: permission.resourceServerIdentifier,
                        permissionName: permission.permissionName))
                report.created(.permissions)
            }
        }
        if !added.isEmpty { try await write { [added] in try await storage.addPermissions(added, tenantID: tenantID) } }
    }

    // MARK: - Users

    mutating func users(_ users: [Auth0ImportPlan.PlannedUser]) async throws {
        for planned in users {
            guard connectionNames.contains(planned.connection) else {
                report.skip(
                    .init(
                        kind: .users, record: planned.imported.email,
                        reason: "its connection \(planned.connection) is not a database connection of this tenant"))
                continue
            }
            var existing: User?
            if let id = planned.id { existing = try await storage.user(id, tenantID: tenantID) }
            if existing == nil {
                existing = try await storage.user(
                    email: planned.imported.email, connection: planned.connection, tenantID: tenantID)
            }
            if var user = existing {
                planned.imported.apply(to: &user, now: clock.now())
                try await write { [user] in try await storage.updateUser(user, tenantID: tenantID) }
                userIDs.insert(user.id)
                report.updated(.users)
            } else {
                var user = User(
                    tenantID: tenantID, id: planned.id ?? RandomToken.identifier(prefix: "auth0|", length: 24),
                    connection: planned.connection, email: planned.imported.email, passwordHash: nil,
                    createdAt: clock.now())
                planned.imported.apply(to: &user, now: clock.now())
                try await write { [user] in try await storage.createUser(user, tenantID: tenantID) }
                userIDs.insert(user.id)
                report.created(.users)
            }
        }
    }

    // MARK: - Clients

    mutating func clients(_ clients: [Auth0Client]) async throws {
        for client in clients {
            if client.global == true {
                report.skip(
                    .init(kind: .clients, record: client.name, reason: "Auth0's global client (All Applications)"))
                continue
            }
            guard let appType = ApplicationType(rawValue: client.appType ?? ApplicationType.regularWeb.rawValue) else {
                report.skip(
                    .init(
                        kind: .clients, record: client.name,
                        reason:
                            "app_type \(client.appType ?? "") is not supported (spa, native, regular_web, non_interactive)"
                    ))
                continue
            }
            let method =
                client.tokenEndpointAuthMethod.flatMap(TokenEndpointAuthMethod.init(rawValue:))
                ?? (appType.isPublic ? TokenEndpointAuthMethod.none : .clientSecretPost)
            let grantTypes = (client.grantTypes ?? []).filter(GrantType.supported.contains)
            let id = Auth0Identifier.kept(client.clientID, prefix: "")
            var ours = Client(
                tenantID: tenantID, id: id, name: client.name, description: client.description ?? "",
                appType: appType, secretHash: nil, tokenEndpointAuthMethod: method,
                callbacks: client.callbacks ?? [], allowedLogoutURLs: client.allowedLogoutURLs ?? [],
                webOrigins: client.webOrigins ?? [], allowedOrigins: client.allowedOrigins ?? [],
                grantTypes: grantTypes.isEmpty ? nil : grantTypes, createdAt: clock.now())
            if let existing = try await storage.client(id, tenantID: tenantID) {
                ours.createdAt = existing.createdAt
                ours.secretHash = existing.secretHash
                try await write { [ours] in try await storage.updateClient(ours, tenantID: tenantID) }
                report.updated(.clients)
                continue
            }
            if !dryRun {
                let registration = try await ClientRegistrar(clients: storage, clock: clock).register(ours)
                if let secret = registration.secret {
                    report.clientSecrets.append(.init(clientID: id, name: client.name, secret: secret))
                }
            }
            report.created(.clients)
        }
    }

    // MARK: - Organizations

    mutating func organizations(_ organizations: [Auth0ImportPlan.PlannedOrganization]) async throws {
        for planned in organizations {
            let organization = planned.organization
            var existing = try await storage.organization(organization.id, tenantID: tenantID)
            if existing == nil {
                existing = try await storage.organization(named: organization.name, tenantID: tenantID)
            }
            let ours: Organization
            if var existing {
                existing.name = organization.name
                existing.displayName = organization.displayName ?? existing.displayName
                existing.metadata.merge(organization.metadata ?? [:]) { $1 }
                try await write { [existing] in try await storage.updateOrganization(existing, tenantID: tenantID) }
                report.updated(.organizations)
                ours = existing
            } else {
                ours = Organization(
                    tenantID: tenantID, id: Auth0Identifier.kept(organization.id, prefix: "org_"),
                    name: organization.name, displayName: organization.displayName ?? organization.name,
                    metadata: organization.metadata ?? [:], createdAt: clock.now())
                try await write { try await storage.createOrganization(ours, tenantID: tenantID) }
                report.created(.organizations)
            }
            for member in planned.members { try await add(member, to: ours) }
        }
    }

    private mutating func add(_ member: Auth0ImportPlan.PlannedMember, to organization: Organization) async throws {
        let record = "\(member.userID) in \(organization.name)"
        guard userIDs.contains(member.userID) else {
            report.skip(.init(kind: .members, record: record, reason: "the user was not imported"))
            for roleID in member.roleIDs {
                report.skip(
                    .init(kind: .memberRoles, record: "\(record): \(roleID)", reason: "the user was not imported"))
            }
            return
        }
        if try await storage.isMember(userID: member.userID, organizationID: organization.id, tenantID: tenantID) {
            report.updated(.members)
        } else {
            let membership = OrganizationMembership(
                tenantID: tenantID, organizationID: organization.id, userID: member.userID, createdAt: clock.now())
            try await write { try await storage.addMember(membership, tenantID: tenantID) }
            report.created(.members)
        }
        let held = Set(
            try await storage.roles(
                ofUser: member.userID, organizationID: organization.id, window: ListWindow(offset: 0, limit: 1_000),
                tenantID: tenantID
            ).items.map(\.id))
        for auth0RoleID in member.roleIDs {
            guard let roleID = roleIDs[auth0RoleID] else {
                report.skip(
                    .init(
                        kind: .memberRoles, record: "\(record): \(auth0RoleID)", reason: "the role is not in roles.json"
                    ))
                continue
            }
            if held.contains(roleID) {
                report.updated(.memberRoles)
                continue
            }
            let assignment = UserRole(
                tenantID: tenantID, userID: member.userID, roleID: roleID, organizationID: organization.id)
            try await write { try await storage.assignRole(assignment, tenantID: tenantID) }
            report.created(.memberRoles)
        }
    }
}

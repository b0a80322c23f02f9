import AuthHeroCore
import Foundation
import Hummingbird

/// `/api/v2/jobs`: users imports and exports of the target tenant (declared in `JobOperations.swift`). A job is
/// stored pending and handed to ``JobRunner``; the request answers at once.
struct JobRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }

    /// The most a users-import body may hold: Auth0's file limit plus room for the form's other fields and framing.
    static let maximumImportBody = UserImport.maximumFileSize + 16 * 1024

    func createImport(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let form = try await Self.form(request)
        guard let file = form.part("users") else {
            throw ManagementError.invalidBody("The form must have a users file (Auth0's bulk-import JSON array).")
        }
        guard file.data.count <= UserImport.maximumFileSize else { throw ManagementError.fileTooLarge }
        guard let text = String(data: file.data, encoding: .utf8), UserImport.entries(text) != nil else {
            throw ManagementError.invalidBody("The users file must be a JSON array of user objects.")
        }
        let connection = try await databaseConnection(form.text("connection_id"), caller)
        let options = JobOptions(
            upsert: try Self.flag("upsert", form), sendCompletionEmail: try Self.flag("send_completion_email", form))
        let job = Job(
            tenantID: caller.target.id, id: RandomToken.identifier(prefix: "job_"), type: .usersImport,
            connectionID: connection.id, connection: connection.name,
            externalID: form.text("external_id").flatMap { $0.isEmpty ? nil : $0 }, options: options, input: text,
            createdAt: services.clock.now())
        try await storage.createJob(job, tenantID: caller.target.id)
        await services.jobs.submit(job)
        return JSONResponse.make(ManagementJob(job, location: nil), status: .accepted)
    }

    func createExport(
        _ body: ExportUsersBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let connection = try await databaseConnection(body.connectionID, caller)
        let options = JobOptions(
            format: body.format ?? .json,
            fields: (body.fields ?? []).map { UserExportField(name: $0.name, exportAs: $0.exportAs) },
            limit: body.limit)
        let job = Job(
            tenantID: caller.target.id, id: RandomToken.identifier(prefix: "job_"), type: .usersExport,
            connectionID: connection.id, connection: connection.name, options: options,
            createdAt: services.clock.now())
        try await storage.createJob(job, tenantID: caller.target.id)
        await services.jobs.submit(job)
        return JSONResponse.make(ManagementJob(job, location: nil), status: .created)
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let job = try await existingJob(context, caller)
        var location: String?
        if job.type == .usersExport, job.status == .completed {
            // The issuer of the host asked ends in `/`; the link's path starts with one.
            let issuer = try context.requireTenant().issuer
            location =
                String(issuer.dropLast()) + (try await services.exportLinks.path(for: job, now: services.clock.now()))
        }
        return JSONResponse.make(ManagementJob(job, location: location))
    }

    func errors(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let job = try await existingJob(context, caller)
        return JSONResponse.make(job.errors.map(ManagementJobError.init))
    }

    /// The job named by the path in the target tenant, or 404: another tenant's job id is unknown here.
    private func existingJob(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Job {
        let jobID = try ManagementRequest.pathParameter("id", context)
        guard let job = try await storage.job(jobID, tenantID: caller.target.id) else {
            throw ManagementError.jobNotFound
        }
        return job
    }

    private func databaseConnection(_ connectionID: String?, _ caller: ManagementCaller) async throws -> Connection {
        guard let connectionID, !connectionID.isEmpty else {
            throw ManagementError.invalidBody("connection_id is required: the database connection's id (con_...).")
        }
        guard let connection = try await storage.connection(id: connectionID, tenantID: caller.target.id),
            connection.strategy == "auth0"
        else {
            throw ManagementError(
                status: .badRequest, errorCode: "inexistent_connection",
                message: "The connection \(connectionID) is not a database connection of this tenant.")
        }
        return connection
    }

    /// The request's multipart form, read up to ``maximumImportBody`` bytes.
    private static func form(_ request: Request) async throws -> MultipartFormData {
        do {
            let boundary = try MultipartFormData.boundary(contentType: request.headers[.contentType])
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumImportBody {
                throw ManagementError.fileTooLarge
            }
            guard let buffer = try? await request.body.collect(upTo: maximumImportBody) else {
                throw ManagementError.fileTooLarge
            }
            return try MultipartFormData(body: Data(buffer.readableBytesView), boundary: boundary)
        } catch let error as MultipartFormDataError {
            throw ManagementError.invalidBody(error.description)
        }
    }

    /// A form flag: absent is false; `true` and `false` as sent by Auth0's SDKs.
    private static func flag(_ name: String, _ form: MultipartFormData) throws -> Bool {
        guard let value = form.text(name) else { return false }
        switch value.lowercased() {
        case "true": return true
        case "false", "": return false
        default: throw ManagementError.invalidBody("\(name) must be true or false.")
        }
    }
}

extension ManagementError {
    /// 404: no job with this id in the target tenant.
    static let jobNotFound = notFound("inexistent_job", "The job does not exist.")

    /// 413: a users file beyond Auth0's 500 KB limit.
    static let fileTooLarge = Self(
        status: .contentTooLarge, errorCode: "payload_too_large",
        message: "Payload content length greater than maximum allowed: \(UserImport.maximumFileSize)")
}

import AuthHeroCore
import Hummingbird

/// `GET /export-files/{tenant}/{job}/{file}?expires=&signature=`: a finished export's file, fetched without a token
/// (as Auth0's `location` is) and so outside `/api/v2`; the link's HMAC and expiry are the only key (``ExportLink``).
struct ExportFileRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        router.get(RouterPath("\(ExportLink.pathPrefix)/:tenant/:job/:file")) { request, context in
            try await file(request, context)
        }
    }

    private func file(_ request: Request, _ context: AuthHeroRequestContext) async throws -> Response {
        let tenantID = try context.parameters.require("tenant")
        let jobID = try context.parameters.require("job")
        let file = try context.parameters.require("file")
        guard let expires = ManagementRequest.query("expires", request).flatMap(Int.init),
            let signature = ManagementRequest.query("signature", request),
            try await services.exportLinks.accepts(
                tenantID: tenantID, jobID: jobID, file: file, expires: expires, signature: signature,
                now: services.clock.now())
        else { throw Self.refused }
        guard let job = try await services.storage.job(jobID, tenantID: tenantID), let output = job.output else {
            throw ManagementError.jobNotFound
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/gzip", .contentDisposition: "attachment; filename=\"\(file)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: output)))
    }

    /// 403 for a link that is forged, altered or expired; the same answer for each, so none can be told apart.
    static let refused = ManagementError(
        status: .forbidden, errorCode: "invalid_signature",
        message: "The export link is invalid or has expired; get a fresh one from GET /api/v2/jobs/{id}.")
}

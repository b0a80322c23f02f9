import AuthHeroCore
import HTTPTypes
import Hummingbird

/// Serves ``PortalSite`` at `/portal/` through Hummingbird's `FileMiddleware`, on the control-plane host only: a
/// customer tenant's host answers `/portal/` like any unknown path (404). Every portal response carries the
/// portal's Content-Security-Policy. ``PortalConfigRoute`` answers `/portal/config.json`.
struct PortalFileMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext
    private let files: FileMiddleware<Context, LocalFileSystem>

    init(site: PortalSite) {
        // no-cache: the browser revalidates (ETag), so an edited portal file is seen at the next load.
        files = FileMiddleware(
            site.folder, urlBasePath: PortalSite.path,
            cacheControl: CacheControl([(MediaType(type: .any), [CacheControl.CacheControlValue.noCache])]),
            searchForIndexHtml: true)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard path == PortalSite.path || path.hasPrefix(PortalSite.path + "/"),
            context.tenant?.tenant.id == ControlPlane.tenantID
        else { return try await next(request, context) }
        // Relative module paths resolve against the folder only when the URL ends in a slash.
        if path == PortalSite.path { return .redirect(to: PortalSite.path + "/", type: .permanent) }
        // Routes first (`config.json`), then the folder's files.
        var response = try await files.handle(request, context: context, next: next)
        response.headers[.contentSecurityPolicy] = PortalSite.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}

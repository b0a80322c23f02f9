import AuthHeroServer
import Foundation
import Testing

@testable import {{module_name}}

/// Where `serve` finds the portal's files: the project's `web/portal`, whatever directory the process starts in.
@Suite struct PortalFolderTests {
    @Test func theDefaultFolderIsTheProjectsWebPortalWithItsIndex() {
        let site = PortalSite(folder: AppEnvironment(values: [:]).portalFolder, relativeTo: ProjectFolder.url)
        #expect(site.folder == ProjectFolder.url.appendingPathComponent("web/portal").standardizedFileURL.path)
        #expect(site.hasIndex)
    }

    @Test func anAbsolutePortalFolderIsTakenAsGiven() {
        let environment = AppEnvironment(values: ["PORTAL_FOLDER": "/srv/portal"])
        #expect(PortalSite(folder: environment.portalFolder, relativeTo: ProjectFolder.url).folder == "/srv/portal")
    }
}

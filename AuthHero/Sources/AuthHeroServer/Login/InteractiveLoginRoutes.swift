import Hummingbird

/// Registers every route of interactive login: `/authorize`, the universal login pages, `/userinfo` and logout.
struct InteractiveLoginRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        let pages = PageRenderer()
        let responder = AuthorizationResponder(pages: pages)
        let completion = LoginCompletion(login: services.login, responder: responder)
        AuthorizeRoutes(login: services.login, responder: responder, completion: completion).register(on: router)
        LoginRoutes(services: services, completion: completion, pages: pages).register(on: router)
        UserinfoRoutes(services: services).register(on: router)
        LogoutRoutes(services: services, pages: pages).register(on: router)
    }
}

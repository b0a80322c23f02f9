import ArgumentParser
import AuthHeroServer

@main
struct AuthHeroDev: ParsableCommand {
    func run() throws {}
}

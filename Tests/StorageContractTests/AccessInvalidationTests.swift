import AuthHeroCore
import AuthHeroPostgres
import NIOConcurrencyHelpers
import Testing

/// Removals of access reach every server process on one database.
@Suite struct AccessInvalidationTests {
    @Test func anInvalidationReachesThisProcessAtOnceAndAnotherThroughTheDatabase() async throws {
        try await PostgresFixture.withStorages { server, owner in
            // Two processes: each has its own pool and its own invalidation channel.
            let here = PostgresAccessInvalidation(client: server.client)
            let elsewhere = PostgresAccessInvalidation(client: owner.client)
            let seenHere = NIOLockedValueBox<[AccessSubject]>([])
            here.observe { subject in seenHere.withLockedValue { $0.append(subject) } }
            let (heard, hear) = AsyncStream.makeStream(of: AccessSubject.self)
            elsewhere.observe { hear.yield($0) }
            let (listening, listen) = AsyncStream.makeStream(of: Void.self)

            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await elsewhere.run { listen.yield() } }
                // Ends the wait below if nothing arrives, so a lost notification fails the test instead of hanging.
                group.addTask {
                    try await Task.sleep(for: .seconds(60))
                    hear.finish()
                }
                var ready = listening.makeAsyncIterator()
                await ready.next()

                await here.invalidate(user: "auth0|u", tenant: "a")
                #expect(seenHere.withLockedValue { $0 } == [.user(id: "auth0|u", tenantID: "a")])
                var received = heard.makeAsyncIterator()
                #expect(await received.next() == .user(id: "auth0|u", tenantID: "a"))
                await here.invalidate(client: "m2m", tenant: "b")
                #expect(await received.next() == .client(id: "m2m", tenantID: "b"))
                await here.invalidate(machineAccessOf: "b")
                #expect(await received.next() == .machineAccess(tenantID: "b"))
                await here.invalidate(tenant: "c")
                #expect(await received.next() == .tenant(id: "c"))
                group.cancelAll()
            }
        }
    }
}

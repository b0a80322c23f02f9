/// Wall-clock rates over concurrent work.
enum Measure {
    /// Operations per second when `concurrency` workers, each with its own state from `setUp`, share `operations`.
    static func rate<State: Sendable>(
        operations: Int, concurrency: Int, _ operation: @escaping @Sendable (State) async throws -> Void,
        setUp: @escaping @Sendable () async throws -> State
    ) async throws -> Double {
        var states: [State] = []
        for _ in 0..<concurrency { states.append(try await setUp()) }
        let perWorker = operations / concurrency
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for state in states {
                group.addTask { for _ in 0..<perWorker { try await operation(state) } }
            }
            try await group.waitForAll()
        }
        return Double(perWorker * concurrency) / seconds(clock.now - start)
    }

    /// Operations per second of a stateless operation spread over `tasks` tasks.
    static func parallelRate(operations: Int, tasks: Int, _ operation: @escaping @Sendable () async throws -> Void)
        async throws -> Double
    {
        try await rate(operations: operations, concurrency: tasks, { _ in try await operation() }, setUp: {})
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

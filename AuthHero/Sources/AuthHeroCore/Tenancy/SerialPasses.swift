/// Runs sync passes one at a time, in call order. Passes read the control plane and then write copies; two
/// interleaved passes could let an older read overwrite a newer write, so every writer of copies goes through here.
/// Not reentrant: work run here must not start another pass.
actor SerialPasses {
    private var tail: Task<Void, Never>?

    /// Runs `work` after every pass started before it finished.
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tail
        let pass = Task {
            await previous?.value
            return try await work()
        }
        tail = Task { _ = try? await pass.value }
        return try await pass.value
    }
}

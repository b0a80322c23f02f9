import Scaffold
import Testing

@Test func generatorVersionIsSemantic() {
    let parts = GeneratorVersion.current.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}

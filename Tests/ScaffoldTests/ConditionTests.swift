import Scaffold
import Testing

@Suite struct ConditionTests {
    let answers: [String: AnswerValue] = ["docker": .bool(true), "db": .string("sqlite"), "off": .bool(false)]

    @Test func truthyAndNegatedForms() throws {
        #expect(try #require(Condition("docker")).holds(in: answers))
        #expect(!(try #require(Condition("off")).holds(in: answers)))
        #expect(try #require(Condition("!off")).holds(in: answers))
        #expect(try #require(Condition("!absent")).holds(in: answers))
        #expect(!(try #require(Condition("absent")).holds(in: answers)))
    }

    @Test func comparisonForms() throws {
        #expect(try #require(Condition("db == sqlite")).holds(in: answers))
        #expect(!(try #require(Condition("db != sqlite")).holds(in: answers)))
        #expect(!(try #require(Condition("absent == x")).holds(in: answers)))
    }

    @Test func malformedConditionsAreRejected() {
        #expect(Condition("") == nil)
        #expect(Condition("a b") == nil)
        #expect(Condition("== x") == nil)
    }
}

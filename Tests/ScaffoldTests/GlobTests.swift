import Scaffold
import Testing

@Suite struct GlobTests {
    @Test func doubleStarMatchesAnyDepthIncludingNone() {
        #expect(Glob("web/**").matches("web/org-cache.js"))
        #expect(Glob("web/**").matches("web/test/cache.test.js"))
        #expect(Glob("a/**/b").matches("a/b"))
        #expect(!Glob("web/**").matches("website/index.js"))
    }

    @Test func singleStarStaysInsideOneComponent() {
        #expect(Glob("scripts/*.sh").matches("scripts/dev.sh"))
        #expect(!Glob("scripts/*.sh").matches("scripts/sub/dev.sh"))
        #expect(Glob("Sources/*/Hooks.swift").matches("Sources/{{module_name}}/Hooks.swift"))
    }

    @Test func literalPatternsMatchExactly() {
        #expect(Glob("README.md").matches("README.md"))
        #expect(!Glob("README.md").matches("docs/README.md"))
        #expect(Glob("file?.txt").matches("file1.txt"))
    }
}

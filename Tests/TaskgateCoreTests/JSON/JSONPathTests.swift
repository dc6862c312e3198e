import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// Reading dotted paths: member names split at the dots (empty names left out), `[n]` indexes after a name.
@Suite struct JSONPathTests {
    @Test(arguments: [
        ("deployTo.emailAttach.settings", [JSONPath.Component.key("deployTo"), .key("emailAttach"), .key("settings")]),
        ("task", [.key("task")]),
        ("", []),
        (".", []),
        ("a..b.", [.key("a"), .key("b")]),
        (".über.日本", [.key("über"), .key("日本")]),
        (
            "tasks[3].schedules[0].hours[2]",
            [
                .key("tasks"), .index(3), .key("schedules"), .index(0), .key("hours"), .index(2),
            ]
        ),
        ("a[1][2].b", [.key("a"), .index(1), .index(2), .key("b")]),
        ("a[x].b", [.key("a[x]"), .key("b")]),
    ])
    func aLiteralReadsAsItsComponents(text: String, components: [JSONPath.Component]) {
        #expect(JSONPath(stringLiteral: text).components == components)
    }

    @Test func aPathOfNamesPrintsAsItWasWritten() {
        for text in ["trigger.pattern.patterns", "a", "deployTo.emailAttach.settings.mailTo"] {
            #expect(JSONPath(stringLiteral: text).description == text)
        }
        #expect(JSONPath(stringLiteral: "").description == "$")
    }

    /// Paths order as their texts do, whichever way `<` gets there: byte by byte for ASCII, through
    /// `String` past it (`"e\u{301}"` and `"é"` are the same text to `String`).
    @Test func pathsSortAsTheirTexts() {
        let keys = ["", "a", "b", "ab", "a.b", "A", "z", "~", "é", "e\u{301}", "日本", "[", "$", "0", "a[1]"]
        let indexes = [0, 1, 9, 10, 123, -1]
        var generator = SplitMix64(seed: 20_261_124)
        func path() -> JSONPath {
            JSONPath(
                components: (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    Bool.random(using: &generator)
                        ? .key(keys.randomElement(using: &generator) ?? "")
                        : .index(indexes.randomElement(using: &generator) ?? 0)
                })
        }
        let paths = (0..<400).map { _ in path() }
        for left in paths {
            for right in paths.prefix(100) {
                #expect(
                    (left < right) == (left.description < right.description), "\(left.components) \(right.components)")
            }
        }
        #expect(JSONPath(components: [.key(""), .key("a")]).description == "a")
        #expect(JSONPath(components: [.key("a"), .key("")]).description == "a.")
        #expect(!(JSONPath(components: [.key(""), .key("a")]) < JSONPath(stringLiteral: "a")))
    }
}

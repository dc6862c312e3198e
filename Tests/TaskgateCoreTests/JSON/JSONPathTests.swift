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
}

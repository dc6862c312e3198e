import Testing

@testable import TaskgateCore

/// The small JSON reader behind schedule objects: values, escapes and the column of every character.
@Suite struct FlatJSONObjectTests {
    static func string(_ json: String) throws -> FlatJSONObject.StringValue {
        let object = try FlatJSONObject.read(Array(json))
        guard case .string(let value) = try #require(object.members.first).value else {
            Issue.record("not a string member")
            return FlatJSONObject.StringValue(text: "", offsets: [0])
        }
        return value
    }

    @Test func decodesEscapesAndKeepsTheirColumns() throws {
        let value = try Self.string(#"{"k": "a\/b\u00e9\n"}"#)
        #expect(value.text == "a/bé\n")
        #expect(value.offsets == [7, 8, 10, 11, 17, 19])
    }

    @Test func decodesASurrogatePairAsOneCharacter() throws {
        let value = try Self.string(#"{"k": "\ud83d\ude00x"}"#)
        #expect(value.text == "😀x")
        #expect(value.offsets == [7, 19, 20])
    }

    @Test func aCombiningMarkSharesTheColumnOfItsBase() throws {
        let value = try Self.string(#"{"k": "e\u0301x"}"#)
        #expect(value.text == "éx")
        #expect(value.offsets == [7, 14, 15])
    }

    @Test func readsNestedObjectsOneLevelDeep() throws {
        let object = try FlatJSONObject.read(Array(#" { "cron" : { "expression" : "0 * * * *" } } "#))
        guard case .object(let nested) = try #require(object.members.first).value else {
            Issue.record("not an object")
            return
        }
        #expect(nested.members.map(\.key) == ["expression"])
    }

    @Test(arguments: [
        (
            #"{"a": {"b": {"c": "d"}}}"#, 12,
            "objects nest one level at most (cron: {expression, validUntil}); expected a string"
        ),
        (#"{"a": "\ud83d"}"#, 7, "a lone UTF-16 high surrogate; expected a low surrogate \\uDC00-\\uDFFF"),
        (#"{"a": "\q"}"#, 7, "'\\q' is not a JSON escape; expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"),
        (#"{"a": "x"#, 6, "the string is not closed; expected '\"'"),
        ("{\"a\": \"x\ty\"}", 8, "a control character inside a string; expected it escaped"),
        (#"{a: "x"}"#, 1, "expected '\"' to start a key"),
        (#"["x"]"#, 0, "expected '{' to start a Serverless Workflow schedule object"),
    ])
    func rejects(json: String, offset: Int, reason: String) throws {
        let problem = #expect(throws: ISO8601Problem.self) { try FlatJSONObject.read(Array(json)) }
        #expect(problem?.offset == offset)
        #expect(problem?.reason == reason)
    }
}

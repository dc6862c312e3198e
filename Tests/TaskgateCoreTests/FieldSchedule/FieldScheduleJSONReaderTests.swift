import Testing

@testable import TaskgateCore

@Suite struct FieldScheduleJSONReaderTests {
    static func read(_ text: String) throws -> FieldScheduleJSON {
        var reader = FieldScheduleJSONReader(text)
        return try reader.read()
    }

    /// Offsets count Unicode scalars, so a combining accent is one of its own.
    @Test func cutsTheTextOfAValueAfterLettersOutsideASCII() throws {
        let line = "{\"e\u{301}\": [\"\u{E4}\", 12]}"
        let json = try Self.read(line)
        guard case .object(let members) = json.value, case .array(let elements) = members.first?.value.value else {
            Issue.record("expected an object holding an array")
            return
        }
        #expect(elements.map(\.offset) == [8, 13])
        #expect(elements.map { $0.text(in: line) } == ["\"\u{E4}\"", "12"])
    }

    @Test func keepsOffsetsAndTextOfEveryValue() throws {
        let line = #" {"a": [1, -2.5e3, true, null, "x"]}"#
        let json = try Self.read(line)
        guard case .object(let members) = json.value, let member = members.first,
            case .array(let elements) = member.value.value
        else {
            Issue.record("expected an object holding an array")
            return
        }
        #expect(json.offset == 1)
        #expect(member.key == "a")
        #expect(member.keyOffset == 2)
        #expect(elements.map(\.offset) == [8, 11, 19, 25, 31])
        #expect(elements.map { $0.text(in: line) } == ["1", "-2.5e3", "true", "null", "\"x\""])
        #expect(json.text(in: line) == #"{"a": [1, -2.5e3, true, null, "x"]}"#)
        #expect(elements.map(\.typeName) == ["number", "number", "boolean", "null", "string"])
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u00e9\ud83d\ude00""#, "é😀"),
        (#""\ud83d""#, "\u{FFFD}"),
    ])
    func readsEscapes(text: String, value: String) throws {
        #expect(try Self.read(text).value == .string(value))
    }

    @Test(arguments: [
        ("", "fylr: JSON (column 1) '': the text ends here; expected a JSON value"),
        ("\"abc", "fylr: JSON (column 5) '': the string is not closed; expected '\"'"),
        ("\"\u{01}\"", "fylr: JSON (column 2) '\u{01}': a control character inside a string; expected it escaped"),
        (#""\u12g4""#, "fylr: JSON (column 6) 'g': expected four hexadecimal digits after \\u"),
        ("-", "fylr: JSON (column 2) '': expected a digit"),
        ("1.", "fylr: JSON (column 3) '': expected a digit after '.'"),
        ("1e", "fylr: JSON (column 3) '': expected a digit in the exponent"),
        (#"{"a" 1}"#, "fylr: JSON (column 6) '1': expected ':' after the key"),
        ("[1 2]", "fylr: JSON (column 4) '2': expected ',' or ']'"),
    ])
    func rejects(text: String, message: String) {
        var reader = FieldScheduleJSONReader(text)
        let error = #expect(throws: ScheduleSyntaxError.self) { try reader.read() }
        #expect(error?.description == message)
    }
}

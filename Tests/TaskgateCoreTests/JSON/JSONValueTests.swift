import Foundation
import Testing

@testable import TaskgateCore

@Suite struct JSONValueTests {
    @Test func decodesEveryKindKeepingIntegersApart() throws {
        let text = #"{"a":1,"b":true,"c":1.5,"d":"x","e":null,"f":[0,false],"g":{"h":9007199254740993}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            value
                == .object([
                    "a": .integer(1), "b": .bool(true), "c": .double(1.5), "d": .string("x"), "e": .null,
                    "f": .array([.integer(0), .bool(false)]), "g": .object(["h": .integer(9_007_199_254_740_993)]),
                ]))
    }

    @Test func encodesBackToTheSameText() throws {
        let text = #"{"a":1,"b":true,"c":1.5,"d":"x\/y","e":null,"f":[0,false],"g":{"h":9007199254740993}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(
            String(decoding: try encoder.encode(value), as: UTF8.self)
                == #"{"a":1,"b":true,"c":1.5,"d":"x/y","e":null,"f":[0,false],"g":{"h":9007199254740993}}"#)
    }

    @Test func wholeDoublesReadAsIntegers() {
        #expect(JSONValue.double(5.0).integerValue == 5)
        #expect(JSONValue.double(5.5).integerValue == nil)
    }
}

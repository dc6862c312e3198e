import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

/// Nothing may crash on any input (STYLE.md): every member of every example, replaced by values
/// of the wrong type, decodes or fails with an error that names a path.
@Suite("Mutated inputs")
struct MutatedInputTests {
    static let replacements: [JSONValue] = [.null, .integer(7), .string("x"), .array([]), .object([:])]

    @Test(arguments: ["wyn", "vco"])
    func everyMemberReplacedDecodesOrFailsWithAPath(folder: String) throws {
        let adapter: any ProductAdapter = folder == "wyn" ? WynAdapter() : VcoAdapter()
        let context = VendorTesting.context()
        var failures = 0
        var decodes = 0
        for (_, document) in try AdapterLaws.documents(adapter, folder: folder) {
            for path in Self.paths(in: document) where !path.components.isEmpty {
                for replacement in Self.replacements {
                    let mutated = JSONOverlayForTests.setting(replacement, at: path, in: document)
                    do {
                        _ = try adapter.decode(mutated, context: context)
                        decodes += 1
                    } catch {
                        #expect(error.product == adapter.product)
                        #expect(!error.expected.isEmpty)
                        failures += 1
                    }
                }
            }
        }
        #expect(failures > 0)
        #expect(decodes > 0)
    }

    static func paths(in value: JSONValue, at path: JSONPath = .root) -> [JSONPath] {
        var paths = [path]
        switch value {
        case .object(let members):
            for (key, member) in members { paths += Self.paths(in: member, at: path.appending(key)) }
        case .array(let items):
            for (index, item) in items.enumerated() { paths += Self.paths(in: item, at: path.appending(index)) }
        default: break
        }
        return paths
    }
}

/// Sets a value at a path (tests only; the adapters' own overlay is internal).
enum JSONOverlayForTests {
    static func setting(_ value: JSONValue, at path: JSONPath, in document: JSONValue) -> JSONValue {
        setting(value, at: path.components[...], in: document)
    }

    private static func setting(
        _ value: JSONValue, at components: ArraySlice<JSONPath.Component>, in document: JSONValue
    ) -> JSONValue {
        guard let first = components.first else { return value }
        switch (first, document) {
        case (.key(let key), .object(var members)):
            members[key] = setting(value, at: components.dropFirst(), in: members[key] ?? .null)
            return .object(members)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index] = setting(value, at: components.dropFirst(), in: items[index])
            return .array(items)
        default:
            return document
        }
    }
}

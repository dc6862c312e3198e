import Foundation
import TaskgateCore
import TaskgateTestSupport
import TaskgateVendors
import Testing

/// The adapter laws on generated tasks: each product's examples, changed at seeded random places
/// (other values of the same type, values of another type, members removed, unknown members
/// added), must
/// 1. decode, or fail with an error of that product that names what was expected;
/// 2. when they decode, reach a fixed point: what the adapter writes back decodes, and writing
///    that again gives the same JSON;
/// 3. encode into every other product without crashing, and whatever is written there is read
///    back by that product's adapter; nothing is written without a reason when the result is
///    impossible.
@Suite("Adapter laws on generated tasks")
struct AdapterPropertyTests {
    static let products: [Product] = [.wyn, .qlikSharing, .qlikScheduling, .fylr, .vco]
    /// Generated tasks per product.
    static let generations = 40

    @Test(arguments: products)
    func generatedTasksKeepTheLaws(_ product: Product) throws {
        let adapter = ProductAdapters.adapter(for: product)
        let context = VendorTesting.context()
        // Every task document of the product's files (a file holding an error response has none).
        let examples = try VendorTesting.taskFiles(product.rawValue).flatMap { file in
            (try? adapter.taskDocuments(in: VendorTesting.json(file)).map(\.task)) ?? []
        }
        try #require(!examples.isEmpty)
        var generator = SplitMix64(seed: 0x7A5C_6A7E + UInt64(product.rawValue.count))
        var decoded = 0
        var refused = 0
        for generation in 0..<Self.generations {
            let example = examples[generation % examples.count]
            let mutations = Int.random(in: 1...3, using: &generator)
            let document = (0..<mutations).reduce(example) { json, _ in Self.mutate(json, using: &generator) }
            let label = "\(product) generation \(generation): \(VendorTesting.text(document))"
            let task: CanonicalTask
            do {
                task = try adapter.decode(document, context: context)
            } catch {
                #expect(error.product == product, "\(label)")
                #expect(!error.expected.isEmpty, "\(label)")
                refused += 1
                continue
            }
            decoded += 1
            let first = adapter.encode(task, context: context)
            if let written = first.json {
                let again = try adapter.decode(written, context: context)
                #expect(
                    adapter.encode(again, context: context).json == written,
                    "\(label)\nwritten once:\n\(VendorTesting.text(written))")
            }
            for other in Self.products where other != product {
                let encoded = ProductAdapters.adapter(for: other).encode(task, context: context)
                if let written = encoded.json {
                    #expect(
                        throws: Never.self, "\(label) → \(other)",
                        performing: { try ProductAdapters.adapter(for: other).decode(written, context: context) })
                } else {
                    #expect(encoded.status == .impossible, "\(label) → \(other)")
                    #expect(
                        !encoded.losses.isEmpty || encoded.schedule.reason != nil, "\(label) → \(other): no reason")
                }
            }
        }
        // Both outcomes occur, so neither branch above is vacuous.
        #expect(decoded > 0)
        #expect(refused > 0)
    }

    // MARK: generating

    static func mutate(_ document: JSONValue, using generator: inout SplitMix64) -> JSONValue {
        let paths = MutatedInputTests.paths(in: document).filter { !$0.components.isEmpty }
        guard let path = paths.randomElement(using: &generator) else { return document }
        let current = value(at: path, in: document)
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<5:
            return JSONOverlayForTests.setting(sameType(as: current, using: &generator), at: path, in: document)
        case 5..<7:
            let replacement = MutatedInputTests.replacements.randomElement(using: &generator) ?? .null
            return JSONOverlayForTests.setting(replacement, at: path, in: document)
        case 7..<9:
            return removing(path, from: document)
        default:
            guard case .object = document else { return document }
            let member = "x-generated-\(Int.random(in: 0..<100, using: &generator))"
            return JSONOverlayForTests.setting(.string("kept"), at: JSONPath.root.appending(member), in: document)
        }
    }

    /// Another value of the same JSON type: words the products use, numbers around the usual ranges.
    static func sameType(as value: JSONValue?, using generator: inout SplitMix64) -> JSONValue {
        let words = [
            "", "daily", "weekly", "Europe/Berlin", "UTC", "W. Europe Standard Time", "2026-03-29T02:30:00",
            "2026-13-01T00:00:00", "0 0 9 ? * MON-FRI", "RRULE:FREQ=DAILY", "R/2026-01-01T00:00:00Z/PT40M",
            "every-days (UTC) 08:00:00,", "monday", "ü", "report", "email",
        ]
        switch value {
        case .string?: return .string(words.randomElement(using: &generator) ?? "")
        case .integer?: return .integer(Int64.random(in: -2...100, using: &generator))
        case .double?: return .double(Double(Int.random(in: -2...100, using: &generator)) / 4)
        case .bool(let flag)?: return .bool(!flag)
        case .array(let items)?: return .array(items.isEmpty ? [.string("extra")] : Array(items.dropLast()))
        case .object?, .null?, nil: return .object([:])
        }
    }

    static func value(at path: JSONPath, in document: JSONValue) -> JSONValue? {
        var current: JSONValue? = document
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object(let members)?): current = members[key]
            case (.index(let index), .array(let items)?) where items.indices.contains(index): current = items[index]
            default: return nil
            }
        }
        return current
    }

    static func removing(_ path: JSONPath, from document: JSONValue) -> JSONValue {
        guard let last = path.components.last else { return document }
        let parentPath = JSONPath(components: Array(path.components.dropLast()))
        switch (last, value(at: parentPath, in: document)) {
        case (.key(let key), .object(var members)?):
            members.removeValue(forKey: key)
            return JSONOverlayForTests.setting(.object(members), at: parentPath, in: document)
        case (.index(let index), .array(var items)?) where items.indices.contains(index):
            items.remove(at: index)
            return JSONOverlayForTests.setting(.array(items), at: parentPath, in: document)
        default:
            return document
        }
    }
}

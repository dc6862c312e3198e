import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

/// The checks every adapter's files go through: decode goldens, the round-trip law and the
/// cross-product goldens.
enum AdapterLaws {
    /// Every task document of every file, with its name for goldens.
    static func documents(_ adapter: any ProductAdapter, folder: String) throws -> [(name: String, json: JSONValue)] {
        var documents: [(String, JSONValue)] = []
        for file in try VendorTesting.taskFiles(folder) {
            let json = try VendorTesting.json(file)
            for (path, task) in try adapter.taskDocuments(in: json) {
                documents.append(("\(file.lastPathComponent) \(path)", task))
            }
        }
        return documents
    }

    /// Decodes every file and compares the rendering with `<file>.golden.decoded.txt`.
    static func decodeGoldens(_ adapter: any ProductAdapter, folder: String) throws {
        let context = VendorTesting.context()
        for file in try VendorTesting.taskFiles(folder) {
            let json = try VendorTesting.json(file)
            var parts: [String] = []
            for (path, task) in try adapter.taskDocuments(in: json) {
                do {
                    let decoded = try adapter.decode(task, context: context)
                    parts.append("# \(path)\n" + VendorTesting.render(decoded))
                } catch {
                    parts.append("# \(path)\nerror: \(error)")
                }
            }
            let name = file.deletingPathExtension().lastPathComponent + ".golden.decoded.txt"
            try VendorTesting.expectGolden(parts.joined(separator: "\n\n"), folder, name)
        }
    }

    /// Decode then encode to the same product: the same JSON after `normalise`, an exact schedule,
    /// and no loss but the ones `expectedLosses` names (document name to loss texts).
    static func roundTrip(
        _ adapter: any ProductAdapter, folder: String, expectedLosses: [String: [String]] = [:],
        normalise: (JSONValue) -> JSONValue
    ) throws -> Int {
        let context = VendorTesting.context()
        var count = 0
        for (name, json) in try documents(adapter, folder: folder) {
            let decoded = try adapter.decode(json, context: context)
            let encoded = adapter.encode(decoded, context: context)
            let written = try #require(encoded.json, "\(name): nothing written")
            #expect(
                normalise(written) == normalise(json),
                "\(name)\nsource:\n\(VendorTesting.text(normalise(json)))\nwritten:\n\(VendorTesting.text(normalise(written)))"
            )
            #expect(encoded.losses.map(\.description) == expectedLosses[name] ?? [], "\(name)")
            #expect(encoded.schedule.status == .exact, "\(name): \(encoded.schedule.reason ?? "")")
            count += 1
        }
        return count
    }

    /// Encodes every file's tasks into `target` and compares with `<file>.golden.to-<target>.txt`:
    /// the status, the JSON, the schedule conversion and the exact loss list.
    static func crossGoldens(
        _ adapter: any ProductAdapter, folder: String, to target: any ProductAdapter, idMap: (CanonicalTask) -> IDMap
    ) throws {
        for file in try VendorTesting.taskFiles(folder) {
            let json = try VendorTesting.json(file)
            var parts: [String] = []
            for (path, task) in try adapter.taskDocuments(in: json) {
                let decoded = try adapter.decode(task, context: VendorTesting.context())
                let encoded = target.encode(decoded, context: VendorTesting.context(idMap: idMap(decoded)))
                var lines = ["# \(path)", "status: \(encoded.status)"]
                lines.append(
                    "schedule: \(encoded.schedule.status) \(encoded.schedule.target?.lines ?? []) reason=\(encoded.schedule.reason ?? "-")"
                )
                lines.append("losses:")
                lines.append(VendorTesting.renderLosses(encoded.losses))
                lines.append("json:")
                lines.append(encoded.json.map(VendorTesting.text) ?? "none")
                parts.append(lines.joined(separator: "\n"))
            }
            let name = file.deletingPathExtension().lastPathComponent + ".golden.to-\(target.product).txt"
            try VendorTesting.expectGolden(parts.joined(separator: "\n\n"), folder, name)
        }
    }

    /// The decoding error's text for `text`.
    static func decodingError(_ adapter: any ProductAdapter, _ text: String) throws -> String {
        let json = try VendorTesting.json(text)
        do {
            _ = try adapter.decode(json, context: VendorTesting.context())
            return "no error"
        } catch {
            return error.description
        }
    }
}

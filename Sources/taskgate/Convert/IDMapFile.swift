import Foundation
import TaskgateCore
import TaskgateVendors

/// Reads `--id-map FILE`: a JSON array of `{"from": "wyn", "fromID": "…", "to": "fylr",
/// "toID": "…", "toKind": "…"}` (toKind optional).
enum IDMapFile {
    /// One entry as written in the file.
    struct Entry: Decodable {
        var from: String
        var fromID: String
        var to: String
        var toID: String
        var toKind: String?
    }

    /// The map in `path`.
    static func load(_ path: String) throws(CommandFailure) -> IDMap {
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure(
                "\(path): not an id map; expected a JSON array of {from, fromID, to, toID, toKind} (\(error))")
        }
        var mapped: [IDMap.Entry] = []
        for (index, entry) in entries.enumerated() {
            guard let from = Product(rawValue: entry.from), let to = Product(rawValue: entry.to) else {
                throw CommandFailure(
                    "\(path): [\(index)]: '\(entry.from)' → '\(entry.to)' is not valid; expected products among "
                        + Product.allCases.map(\.rawValue).joined(separator: ", "))
            }
            mapped.append(IDMap.Entry(from: from, fromID: entry.fromID, to: to, toID: entry.toID, toKind: entry.toKind))
        }
        return IDMap(entries: mapped)
    }
}

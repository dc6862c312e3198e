/// A mapping file whose content cannot become a typed table.
///
/// The description names the file, the table and the offending keys or values:
/// `mappings/windows-zones.yaml: windowsToIANA: duplicate key 'UTC' (lines 134 and 140)`.
public struct MappingTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        /// A key occurs twice (or, for case-insensitive keys, twice up to case).
        case duplicateKey(String, lines: [Int])
        /// IANA zone names that this machine's tz database does not know, sorted.
        case unknownZones([String])
        /// A value that must name a key of another table does not.
        case danglingReference(key: String, value: String, table: String)
        /// An alias names another alias instead of a zone.
        case aliasOfAlias(alias: String, target: String)
        /// A table the file must have is missing or has the wrong shape.
        case malformed(String)
    }

    /// The file the table came from, as the loader names it.
    public var file: String
    /// The table inside the file: `windowsToIANA`, `ianaToWindows`, `aliases`.
    public var table: String
    /// What is wrong with the table.
    public var problem: Problem

    /// Creates an error.
    public init(file: String, table: String, problem: Problem) {
        self.file = file
        self.table = table
        self.problem = problem
    }

    /// One sentence naming the file, the table and the problem.
    public var description: String {
        let place = "\(file): \(table)"
        switch problem {
        case .duplicateKey(let key, let lines):
            let numbers = lines.map(String.init).joined(separator: " and ")
            let position = lines.isEmpty ? "" : lines.count == 1 ? " (line \(numbers))" : " (lines \(numbers))"
            return "\(place): duplicate key '\(key)'\(position)"
        case .unknownZones(let names):
            return "\(place): zones unknown to this machine's tz database: \(names.joined(separator: ", "))"
        case .danglingReference(let key, let value, let other):
            return "\(place): '\(key)' maps to '\(value)', which is not a key of \(other)"
        case .aliasOfAlias(let alias, let target):
            return "\(place): alias '\(alias)' names '\(target)', which is itself an alias; expected a canonical zone"
        case .malformed(let reason):
            return "\(place): \(reason)"
        }
    }
}

extension [MappingEntry] {
    /// The entries as a dictionary, or the first duplicate key (compared by `normalizedKey`).
    func uniquelyKeyed(
        file: String, table: String, normalizedKey: (String) -> String = { $0 }
    ) throws(MappingTableError) -> [String: String] {
        var result: [String: String] = [:]
        var lines: [String: Int?] = [:]
        for entry in self {
            let key = normalizedKey(entry.key)
            if let earlier = lines[key] {
                let numbers = [earlier, entry.line].compactMap { $0 }
                throw MappingTableError(file: file, table: table, problem: .duplicateKey(entry.key, lines: numbers))
            }
            lines[key] = entry.line
            result[entry.key] = entry.value
        }
        return result
    }
}

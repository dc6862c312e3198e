public import Foundation
public import TaskgateCore
import Yams

/// Reads `windows-zones.yaml` and `zone-aliases.yaml` into the core's typed zone tables.
///
/// The YAML shape is flat: a `source` string and one or two mappings of string to string. The
/// core validates the tables (duplicates, zones unknown to the tz database); this loader only
/// turns YAML into ordered entries with their line numbers.
public enum ZoneMappingLoader {
    /// The CLDR Windows zone table.
    public static let windowsFile = "windows-zones.yaml"
    /// The tzdb aliases.
    public static let aliasesFile = "zone-aliases.yaml"

    /// The resolver built from the files in `directory`.
    ///
    /// - Throws: ``MappingsFileError`` naming the file and what is wrong with it.
    public static func resolver(in directory: URL) throws(MappingsFileError) -> ZoneResolver {
        let windowsPath = directory.appendingPathComponent(windowsFile).path
        let aliasesPath = directory.appendingPathComponent(aliasesFile).path
        let windowsDocument = try document(at: windowsPath)
        let aliasesDocument = try document(at: aliasesPath)
        do {
            let windows = try WindowsZoneTable(
                source: windowsDocument.source, file: windowsPath,
                windowsToIANA: windowsDocument.table("windowsToIANA"),
                ianaToWindows: windowsDocument.table("ianaToWindows"))
            let aliases = try ZoneAliasTable(
                source: aliasesDocument.source, file: aliasesPath, aliases: aliasesDocument.table("aliases"))
            return ZoneResolver(windows: windows, aliases: aliases)
        } catch {
            throw MappingsFileError(error.description)
        }
    }

    /// A mapping file read into its `source` and its tables.
    struct Document {
        var file: String
        var source: String
        var tables: [String: [MappingEntry]]

        func table(_ name: String) throws(MappingTableError) -> [MappingEntry] {
            guard let entries = tables[name] else {
                throw MappingTableError(
                    file: file, table: name, problem: .malformed("missing; expected a mapping of strings"))
            }
            return entries
        }
    }

    static func document(at path: String) throws(MappingsFileError) -> Document {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MappingsFileError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try document(yaml: text, file: path)
        } catch {
            throw MappingsFileError(error.description)
        }
    }

    /// Reads a mapping file's text.
    ///
    /// - Throws: ``MappingTableError`` for YAML that is not a mapping of a `source` string and
    ///   mappings of strings, or that repeats a key.
    static func document(yaml text: String, file: String) throws(MappingTableError) -> Document {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw MappingTableError(
                file: file, table: "YAML",
                // Yams reports the line of the key's first occurrence.
                problem: .duplicateKey(duplicates.joined(separator: "', '"), lines: [context.mark.line]))
        } catch {
            throw MappingTableError(file: file, table: "YAML", problem: .malformed("not valid YAML: \(error)"))
        }
        guard let root, case .mapping(let mapping) = root else {
            throw MappingTableError(
                file: file, table: "YAML", problem: .malformed("expected a mapping at the top level"))
        }
        var source = "unknown"
        var tables: [String: [MappingEntry]] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if name == "source" {
                source = value.string ?? source
                continue
            }
            guard case .mapping(let entries) = value else {
                throw MappingTableError(file: file, table: name, problem: .malformed("expected a mapping of strings"))
            }
            var list: [MappingEntry] = []
            for (entryKey, entryValue) in entries {
                guard let keyText = entryKey.string, let valueText = entryValue.string else {
                    throw MappingTableError(
                        file: file, table: name,
                        problem: .malformed(
                            "line \(entryKey.mark?.line ?? 0): expected a string key and a string value"))
                }
                list.append(MappingEntry(key: keyText, value: valueText, line: entryKey.mark?.line))
            }
            tables[name] = list
        }
        return Document(file: file, source: source, tables: tables)
    }
}

import Foundation
import Testing
import Yams

@testable import TaskgateCore

/// The repository's `mappings/` files, read with Yams as the executable's loader reads them
/// (Sources/taskgate/Support/ZoneMappingLoader.swift): a `source` string and mappings of strings,
/// kept in order with their lines.
enum MappingFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("mappings")

    struct Document {
        var source: String
        var tables: [String: [MappingEntry]]
    }

    static func document(_ name: String) throws -> Document {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return try document(yaml: text)
    }

    static func document(yaml text: String) throws -> Document {
        let root = try #require(try Yams.compose(yaml: text))
        guard case .mapping(let mapping) = root else {
            Issue.record("not a mapping")
            return Document(source: "", tables: [:])
        }
        var document = Document(source: "", tables: [:])
        for (key, value) in mapping {
            let name = try #require(key.string)
            if name == "source" {
                document.source = try #require(value.string)
                continue
            }
            guard case .mapping(let entries) = value else {
                Issue.record("\(name) is not a mapping")
                continue
            }
            document.tables[name] = try entries.map { key, value in
                MappingEntry(key: try #require(key.string), value: try #require(value.string), line: key.mark?.line)
            }
        }
        return document
    }

    static func windowsTable() throws -> WindowsZoneTable {
        let document = try document("windows-zones.yaml")
        return try WindowsZoneTable(
            source: document.source, file: "windows-zones.yaml",
            windowsToIANA: try #require(document.tables["windowsToIANA"]),
            ianaToWindows: try #require(document.tables["ianaToWindows"]))
    }

    static func aliasTable() throws -> ZoneAliasTable {
        let document = try document("zone-aliases.yaml")
        return try ZoneAliasTable(
            source: document.source, file: "zone-aliases.yaml", aliases: try #require(document.tables["aliases"]))
    }

    static func resolver() throws -> ZoneResolver {
        ZoneResolver(windows: try windowsTable(), aliases: try aliasTable())
    }
}

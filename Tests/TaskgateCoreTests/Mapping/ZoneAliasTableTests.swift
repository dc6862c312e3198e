import Testing

@testable import TaskgateCore

/// The tzdb links in mappings/zone-aliases.yaml and their validation.
@Suite struct ZoneAliasTableTests {
    @Test func holdsTheSystemsLinks() throws {
        let table = try MappingFiles.aliasTable()
        #expect(table.count == 151)
        #expect(table.source == "tzdata 2025b tzdata.zi links")
    }

    @Test(arguments: [
        ("Canada/Pacific", "America/Vancouver"), ("Asia/Calcutta", "Asia/Kolkata"), ("US/Eastern", "America/New_York"),
        ("Europe/Kiev", "Europe/Kyiv"), ("UTC", "Etc/UTC"), ("Europe/Berlin", "Europe/Berlin"),
    ])
    func canonicalZone(name: String, zone: String) throws {
        #expect(try MappingFiles.aliasTable().canonical(name) == zone)
    }

    @Test func listsTheAliasesOfAZone() throws {
        #expect(try MappingFiles.aliasTable().aliases(of: "Asia/Kolkata") == ["Asia/Calcutta"])
    }

    static func known(_ name: String) -> Bool { ["Europe/Berlin", "America/Vancouver"].contains(name) }

    @Test(arguments: [
        (
            [
                MappingEntry(key: "Canada/Pacific", value: "America/Vancouver", line: 3),
                MappingEntry(key: "Canada/Pacific", value: "America/Vancouver", line: 7),
            ],
            "zone-aliases.yaml: aliases: duplicate key 'Canada/Pacific' (lines 3 and 7)"
        ),
        (
            [MappingEntry(key: "Old/Name", value: "Mars/Olympus")],
            "zone-aliases.yaml: aliases: zones unknown to this machine's tz database: Mars/Olympus"
        ),
        (
            [
                MappingEntry(key: "Canada/Pacific", value: "America/Vancouver"),
                MappingEntry(key: "Old/Name", value: "Canada/Pacific"),
            ],
            "zone-aliases.yaml: aliases: alias 'Old/Name' names 'Canada/Pacific', which is itself an alias; expected a canonical zone"
        ),
    ])
    func rejects(entries: [MappingEntry], message: String) {
        let error = #expect(throws: MappingTableError.self) {
            try ZoneAliasTable(
                source: "test", file: "zone-aliases.yaml", aliases: entries,
                isKnownZone: { name in
                    Self.known(name) || name == "Canada/Pacific"
                })
        }
        #expect(error?.description == message)
    }
}

import Testing

@testable import TaskgateCore

/// The CLDR windowsZones table in mappings/windows-zones.yaml and its validation.
@Suite struct WindowsZoneTableTests {
    @Test func holdsTheNewestTable() throws {
        let table = try MappingFiles.windowsTable()
        // tzlocal 5.4.5: 142 Windows ids (wyn.md §5.2), 589 IANA names less the empty one dropped.
        #expect(table.windowsIdentifiers.count == 142)
        #expect(table.zones.count == 588)
        #expect(table.source == "tzlocal 5.4.5 windows_tz.py (Unicode CLDR windowsZones.xml)")
    }

    @Test(arguments: [
        ("Eastern Standard Time", "America/New_York"), ("W. Europe Standard Time", "Europe/Berlin"), ("UTC", "Etc/UTC"),
        ("Dateline Standard Time", "Etc/GMT+12"), ("India Standard Time", "Asia/Calcutta"),
        ("Alberta Standard Time", "America/Edmonton"), ("British Columbia Standard Time", "America/Vancouver"),
        ("Manitoba Standard Time", "America/Winnipeg"), ("Lord Howe Standard Time", "Australia/Lord_Howe"),
    ])
    func defaultZoneIsTheTerritory001Row(windows: String, zone: String) throws {
        #expect(try MappingFiles.windowsTable().defaultZone(forWindowsIdentifier: windows) == zone)
    }

    @Test func everyZoneIsKnownToTheSystem() throws {
        let table = try MappingFiles.windowsTable()
        for zone in table.zones + table.windowsIdentifiers.compactMap(table.defaultZone(forWindowsIdentifier:)) {
            #expect(ZoneRules(identifier: zone) != nil, "\(zone)")
        }
    }

    @Test func matchesWindowsIdsWithoutRegardToCase() throws {
        let table = try MappingFiles.windowsTable()
        #expect(table.windowsIdentifier(matching: "eastern STANDARD time") == "Eastern Standard Time")
        #expect(table.defaultZone(forWindowsIdentifier: "eastern standard time") == nil)
    }

    @Test func mapsEveryCoveredZoneToItsWindowsId() throws {
        let table = try MappingFiles.windowsTable()
        #expect(table.windowsIdentifier(forZone: "Europe/Zurich") == "W. Europe Standard Time")
        #expect(table.windowsIdentifier(forZone: "America/Detroit") == "Eastern Standard Time")
        #expect(table.windowsIdentifier(forZone: "Antarctica/Troll") == nil)
    }

    static func known(_ name: String) -> Bool { ["Europe/Berlin", "America/New_York"].contains(name) }

    @Test func rejectsAWindowsIdGivenTwiceUpToCase() {
        let error = #expect(throws: MappingTableError.self) {
            try WindowsZoneTable(
                source: "test", file: "windows-zones.yaml",
                windowsToIANA: [
                    MappingEntry(key: "UTC", value: "Europe/Berlin", line: 4),
                    MappingEntry(key: "utc", value: "Europe/Berlin", line: 9),
                ],
                ianaToWindows: [], isKnownZone: Self.known)
        }
        #expect(error?.description == "windows-zones.yaml: windowsToIANA: duplicate key 'utc' (lines 4 and 9)")
    }

    @Test func namesEveryUnknownZone() {
        let error = #expect(throws: MappingTableError.self) {
            try WindowsZoneTable(
                source: "test", file: "windows-zones.yaml",
                windowsToIANA: [MappingEntry(key: "W. Europe Standard Time", value: "Europe/Berlin")],
                ianaToWindows: [
                    MappingEntry(key: "Mars/Olympus", value: "W. Europe Standard Time"),
                    MappingEntry(key: "Europe/Atlantis", value: "W. Europe Standard Time"),
                ], isKnownZone: Self.known)
        }
        #expect(
            error?.description
                == "windows-zones.yaml: ianaToWindows: zones unknown to this machine's tz database: Europe/Atlantis, Mars/Olympus"
        )
    }

    @Test func rejectsAZoneMappedToAnUnknownWindowsId() {
        let error = #expect(throws: MappingTableError.self) {
            try WindowsZoneTable(
                source: "test", file: "windows-zones.yaml",
                windowsToIANA: [MappingEntry(key: "W. Europe Standard Time", value: "Europe/Berlin")],
                ianaToWindows: [MappingEntry(key: "America/New_York", value: "Eastern Standard Time")],
                isKnownZone: Self.known)
        }
        #expect(
            error?.description
                == "windows-zones.yaml: ianaToWindows: 'America/New_York' maps to 'Eastern Standard Time', which is not a key of windowsToIANA"
        )
    }

    /// The tables check their zones with `ZoneRules.isKnown`, which reads no transitions: it must say yes exactly
    /// where the rules can be read.
    @Test(arguments: [
        "Europe/Berlin", "America/New_York", "UTC", "Etc/GMT+5", "Australia/Lord_Howe", "Europe/Atlantis", "",
        "W. Europe Standard Time", "europe/berlin", "Mars/Olympus",
    ])
    func aZoneIsKnownExactlyWhenItsRulesCanBeRead(_ identifier: String) {
        #expect(ZoneRules.isKnown(identifier) == (ZoneRules(identifier: identifier) != nil))
    }
}

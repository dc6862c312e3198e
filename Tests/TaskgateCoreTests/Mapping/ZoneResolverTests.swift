import Testing

@testable import TaskgateCore

/// IANA names, tzdb aliases and Windows ids resolved through the repository's mappings.
@Suite struct ZoneResolverTests {
    @Test(arguments: [
        ("Europe/Berlin", "Europe/Berlin"),
        ("Eastern Standard Time", "America/New_York"),
        ("eastern standard time", "America/New_York"),
        ("India Standard Time", "Asia/Kolkata"),  // CLDR's Asia/Calcutta, resolved to its canonical zone
        ("Canada/Pacific", "America/Vancouver"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("UTC", "Etc/UTC"),
        ("UTC-02", "Etc/GMT+2"),  // the Windows id; Etc/GMT+2 is UTC−2 (POSIX sign)
        ("Australia/Lord_Howe", "Australia/Lord_Howe"),
    ])
    func resolvesToAZoneTheRulesAccept(name: String, zone: String) throws {
        let resolved = try MappingFiles.resolver().resolve(name)
        #expect(resolved == zone)
        #expect(ZoneRules(identifier: resolved) != nil)
    }

    @Test(arguments: ["Foo/Bar", "europe/berlin", "GMT+5", "Eastern", ""])
    func rejectsWhatIsNeitherAZoneNorAWindowsId(name: String) throws {
        let error = #expect(throws: UnknownTimeZoneError.self) { try MappingFiles.resolver().resolve(name) }
        #expect(
            error?.description
                == "unknown time zone '\(name)'; expected an IANA name such as Europe/Berlin or a Windows zone id")
    }

    @Test func withoutTablesOnlySystemNamesResolve() throws {
        let resolver = ZoneResolver()
        #expect(try resolver.resolve("Canada/Pacific") == "Canada/Pacific")
        #expect(throws: UnknownTimeZoneError.self) { try resolver.resolve("Eastern Standard Time") }
    }

    @Test(arguments: [
        ("America/New_York", "Eastern Standard Time"), ("US/Eastern", "Eastern Standard Time"),
        ("Asia/Kolkata", "India Standard Time"), ("Europe/Kyiv", "FLE Standard Time"),
        ("Europe/Zurich", "W. Europe Standard Time"), ("Etc/UTC", "UTC"),
    ])
    func findsTheWindowsIdThroughAliases(zone: String, windows: String) throws {
        #expect(try MappingFiles.resolver().windowsIdentifier(for: zone) == windows)
    }

    @Test func aZoneNoWindowsIdCoversHasNone() throws {
        #expect(try MappingFiles.resolver().windowsIdentifier(for: "Antarctica/Troll") == nil)
    }

    @Test func everyWindowsIdRoundTripsThroughItsDefaultZone() throws {
        let resolver = try MappingFiles.resolver()
        for windows in resolver.windows.windowsIdentifiers {
            let zone = try resolver.resolve(windows)
            #expect(resolver.windowsIdentifier(for: zone) == windows, "\(windows) → \(zone)")
        }
    }
}

/// The Unicode CLDR windowsZones table: Windows time zone ids and IANA zone names.
///
/// Windows → IANA takes the territory-001 row, the id's *default* zone (`Eastern Standard
/// Time` → `America/New_York`). IANA → Windows looks the name up among every zone CLDR lists
/// for some Windows id (wyn.md §5.2). CLDR keeps its own stable spellings, some of which tzdb
/// now treats as aliases (`Asia/Calcutta`); ``ZoneResolver`` resolves aliases around lookups.
///
/// Windows ids are matched exactly by ``defaultZone(forWindowsIdentifier:)`` and without regard to
/// case by ``windowsIdentifier(matching:)``, as Windows itself matches registry key names
/// (`TimeZoneInfo.FindSystemTimeZoneById` on Windows is case-insensitive).
public struct WindowsZoneTable: Hashable, Sendable {
    /// Where the data came from, as the file states it (`tzlocal 5.4.5 windows_tz.py …`).
    public let source: String
    private let defaultZones: [String: String]
    private let windowsIdentifiersByZone: [String: String]
    private let windowsIdentifiersByLowercasedName: [String: String]

    /// A table with no entries: every Windows id is unknown.
    public static let empty = WindowsZoneTable(
        source: "none", defaultZones: [:], windowsIdentifiersByZone: [:], windowsIdentifiersByLowercasedName: [:])

    private init(
        source: String, defaultZones: [String: String], windowsIdentifiersByZone: [String: String],
        windowsIdentifiersByLowercasedName: [String: String]
    ) {
        self.source = source
        self.defaultZones = defaultZones
        self.windowsIdentifiersByZone = windowsIdentifiersByZone
        self.windowsIdentifiersByLowercasedName = windowsIdentifiersByLowercasedName
    }

    /// Builds the table from a file's two mappings and validates it.
    ///
    /// - Parameters:
    ///   - source: the file's statement of where the data came from.
    ///   - file: the file's name, for error messages.
    ///   - windowsToIANA: Windows id → default IANA zone (territory 001).
    ///   - ianaToWindows: IANA zone name → Windows id.
    ///   - isKnownZone: whether the system's tz database knows a name; ``ZoneRules/init(identifier:)``
    ///     by default.
    /// - Throws: ``MappingTableError`` for a duplicate key (Windows ids compared without regard to
    ///   case), for IANA names the tz database does not know (all of them, by name), and for an
    ///   IANA name mapped to a Windows id that has no default zone.
    public init(
        source: String, file: String, windowsToIANA: [MappingEntry], ianaToWindows: [MappingEntry],
        isKnownZone: (String) -> Bool = ZoneRules.isKnown
    ) throws(MappingTableError) {
        let defaults = try windowsToIANA.uniquelyKeyed(
            file: file, table: "windowsToIANA", normalizedKey: { $0.lowercased() })
        let reverse = try ianaToWindows.uniquelyKeyed(file: file, table: "ianaToWindows")
        let unknownDefaults = Set(defaults.values).filter { !isKnownZone($0) }
        if !unknownDefaults.isEmpty {
            throw MappingTableError(
                file: file, table: "windowsToIANA", problem: .unknownZones(unknownDefaults.sorted()))
        }
        let unknownNames = Set(reverse.keys).filter { !isKnownZone($0) }
        if !unknownNames.isEmpty {
            throw MappingTableError(file: file, table: "ianaToWindows", problem: .unknownZones(unknownNames.sorted()))
        }
        for entry in ianaToWindows where defaults[entry.value] == nil {
            throw MappingTableError(
                file: file, table: "ianaToWindows",
                problem: .danglingReference(key: entry.key, value: entry.value, table: "windowsToIANA"))
        }
        var lowercased: [String: String] = [:]
        for windowsIdentifier in defaults.keys { lowercased[windowsIdentifier.lowercased()] = windowsIdentifier }
        self.init(
            source: source, defaultZones: defaults, windowsIdentifiersByZone: reverse,
            windowsIdentifiersByLowercasedName: lowercased)
    }

    /// The default IANA zone of a Windows id spelled exactly as in the table.
    public func defaultZone(forWindowsIdentifier identifier: String) -> String? {
        defaultZones[identifier]
    }

    /// The table's spelling of a Windows id given in any case (`eastern standard time`).
    public func windowsIdentifier(matching identifier: String) -> String? {
        windowsIdentifiersByLowercasedName[identifier.lowercased()]
    }

    /// The Windows id CLDR maps an IANA name to, for the name exactly as given (no alias
    /// resolution; ``ZoneResolver/windowsIdentifier(for:)`` adds it).
    public func windowsIdentifier(forZone zone: String) -> String? {
        windowsIdentifiersByZone[zone]
    }

    /// Every Windows id, sorted.
    public var windowsIdentifiers: [String] { defaultZones.keys.sorted() }

    /// Every IANA name the table maps to a Windows id, sorted.
    public var zones: [String] { windowsIdentifiersByZone.keys.sorted() }
}

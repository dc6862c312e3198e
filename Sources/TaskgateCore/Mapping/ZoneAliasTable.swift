/// The tz database's links: legacy or alternative zone names and the canonical zones they name
/// (`Canada/Pacific` → `America/Vancouver`, `Asia/Calcutta` → `Asia/Kolkata`).
public struct ZoneAliasTable: Hashable, Sendable {
    /// Where the data came from, as the file states it (`tzdata 2025b tzdata.zi links`).
    public let source: String
    private let canonicalZones: [String: String]
    private let aliasesByZone: [String: [String]]

    /// A table with no aliases.
    public static let empty = ZoneAliasTable(source: "none", canonicalZones: [:], aliasesByZone: [:])

    private init(source: String, canonicalZones: [String: String], aliasesByZone: [String: [String]]) {
        self.source = source
        self.canonicalZones = canonicalZones
        self.aliasesByZone = aliasesByZone
    }

    /// Builds the table from a file's `aliases` mapping and validates it.
    ///
    /// - Parameters:
    ///   - isKnownZone: whether the system's tz database knows a name; ``ZoneRules/init(identifier:)``
    ///     by default. Only the targets must be known: an alias exists to name what the system
    ///     may not know.
    /// - Throws: ``MappingTableError`` for a duplicate alias, a target the tz database does not
    ///   know (all of them, by name), or an alias whose target is itself an alias.
    public init(
        source: String, file: String, aliases: [MappingEntry],
        isKnownZone: (String) -> Bool = ZoneRules.isKnown
    ) throws(MappingTableError) {
        let canonical = try aliases.uniquelyKeyed(file: file, table: "aliases")
        let unknown = Set(canonical.values).filter { !isKnownZone($0) }
        if !unknown.isEmpty {
            throw MappingTableError(file: file, table: "aliases", problem: .unknownZones(unknown.sorted()))
        }
        for entry in aliases where canonical[entry.value] != nil {
            throw MappingTableError(
                file: file, table: "aliases", problem: .aliasOfAlias(alias: entry.key, target: entry.value))
        }
        var byZone: [String: [String]] = [:]
        for (alias, zone) in canonical { byZone[zone, default: []].append(alias) }
        for zone in byZone.keys { byZone[zone]?.sort() }
        self.init(source: source, canonicalZones: canonical, aliasesByZone: byZone)
    }

    /// The zone an alias names; `nil` when `name` is not an alias.
    public func target(ofAlias name: String) -> String? {
        canonicalZones[name]
    }

    /// The canonical zone for a name: its target if it is an alias, else the name itself.
    public func canonical(_ name: String) -> String {
        canonicalZones[name] ?? name
    }

    /// The aliases of a canonical zone, sorted.
    public func aliases(of zone: String) -> [String] {
        aliasesByZone[zone] ?? []
    }

    /// The number of aliases.
    public var count: Int { canonicalZones.count }
}

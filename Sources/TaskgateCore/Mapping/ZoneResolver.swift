import Foundation

/// Turns the zone names products write — IANA names, legacy tzdb aliases and Windows zone ids —
/// into an IANA zone that ``ZoneRules`` accepts, and back into a Windows id.
///
/// ```swift
/// let resolver = ZoneResolver(windows: windowsTable, aliases: aliasTable)
/// try resolver.resolve("Eastern Standard Time")   // "America/New_York"
/// ```
///
/// Lookup order, first match wins:
/// 1. a Windows id spelled exactly as CLDR does → its default zone (territory 001);
/// 2. a tzdb alias → its canonical zone (`Canada/Pacific` → `America/Vancouver`, `UTC` → `Etc/UTC`);
/// 3. a zone name the system's tz database knows → unchanged;
/// 4. a Windows id in another case (`eastern standard time`) → its default zone, because
///    Windows matches zone ids without regard to case.
///
/// IANA names are case-sensitive, as in the tz database (`europe/berlin` is unknown). Foundation
/// also accepts offset spellings such as `GMT+5` and `UTC-02` (reading `GMT+5` as UTC+5, the
/// opposite of tzdb's `Etc/GMT+5`); step 3 refuses them so that such a name never silently means
/// the other sign. A default zone in CLDR's legacy spelling is resolved to its canonical name
/// (`India Standard Time` → `Asia/Kolkata`).
public struct ZoneResolver: Hashable, Sendable {
    /// The Windows ↔ IANA table.
    public let windows: WindowsZoneTable
    /// The tzdb aliases.
    public let aliases: ZoneAliasTable

    /// What ``resolve(_:)`` accepts, for its error message.
    public static let expectedZone = "an IANA name such as Europe/Berlin or a Windows zone id"

    /// Creates a resolver from its tables; with the empty defaults it accepts only names the
    /// system's tz database knows.
    public init(windows: WindowsZoneTable = .empty, aliases: ZoneAliasTable = .empty) {
        self.windows = windows
        self.aliases = aliases
    }

    /// The IANA zone a product's zone name stands for.
    ///
    /// - Throws: ``UnknownTimeZoneError`` naming the identifier: `unknown time zone 'Foo/Bar';
    ///   expected an IANA name such as Europe/Berlin or a Windows zone id`.
    public func resolve(_ identifier: String) throws(UnknownTimeZoneError) -> String {
        if let zone = windows.defaultZone(forWindowsIdentifier: identifier) {
            return aliases.canonical(zone)
        }
        if let zone = aliases.target(ofAlias: identifier) {
            return zone
        }
        if Self.isSystemZoneName(identifier) {
            return identifier
        }
        if let spelled = windows.windowsIdentifier(matching: identifier),
            let zone = windows.defaultZone(forWindowsIdentifier: spelled)
        {
            return aliases.canonical(zone)
        }
        throw UnknownTimeZoneError(identifier: identifier, expected: Self.expectedZone)
    }

    /// The Windows id CLDR maps an IANA zone (or alias) to, trying the name as given, its
    /// canonical zone, then every alias of that zone (CLDR lists `Asia/Calcutta`, not
    /// `Asia/Kolkata`, for some ids; wyn.md §5.2–5.3). `nil` when no Windows id covers the zone.
    public func windowsIdentifier(for zone: String) -> String? {
        let canonical = aliases.canonical(zone)
        for candidate in [zone, canonical] + aliases.aliases(of: canonical) {
            if let identifier = windows.windowsIdentifier(forZone: candidate) { return identifier }
        }
        return nil
    }

    /// Whether the system's tz database has a zone of exactly this name (not an offset
    /// spelling that Foundation rewrites, such as `UTC-02` → `GMT-0200`, or `GMT+5`).
    static func isSystemZoneName(_ identifier: String) -> Bool {
        guard ZoneRules(identifier: identifier) != nil, let timeZone = TimeZone(identifier: identifier),
            timeZone.identifier == identifier
        else { return false }
        for prefix in ["GMT+", "GMT-", "UTC+", "UTC-"] where identifier.hasPrefix(prefix) { return false }
        return true
    }
}

import Testing

@testable import TaskgateCore

/// Shared helpers of the RRULE tests: read lines as the facade does, enumerate, render instants.
enum RRuleTesting {
    static func local(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(parsing: text))
    }

    static func instant(_ text: String) throws -> Instant {
        try #require(Instant(parsingRFC3339: text))
    }

    static func context(zone: String, start: String?, reference: String) throws -> DialectContext {
        DialectContext(zone: zone, start: try start.map(local), reference: try instant(reference))
    }

    /// Parses through the facade (`Dialect.rrule.parse`).
    static func parse(
        _ lines: [String], zone: String = "UTC", start: String? = nil, reference: String = "2026-01-01T00:00:00Z"
    ) throws -> Schedule {
        try Dialect.rrule.parse(lines, context: context(zone: zone, start: start, reference: reference))
    }

    /// The next instants strictly after `after`, as RFC 3339 UTC strings.
    static func next(
        _ lines: [String], zone: String = "UTC", start: String? = nil, after: String, count: Int,
        reference: String? = nil
    ) throws -> [String] {
        let schedule = try parse(lines, zone: zone, start: start, reference: reference ?? after)
        return try schedule.nextOccurrences(after: instant(after), count: count).map(\.description)
    }

    /// The description of the error parsing throws, or `nil` when it parses.
    static func rejection(_ lines: [String], zone: String = "UTC", start: String? = "2026-01-01T09:00:00") -> String? {
        do {
            _ = try parse(lines, zone: zone, start: start)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}

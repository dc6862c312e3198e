import Testing

@testable import TaskgateCore

/// Shared helpers of the Quartz tests: parsing with a fixed "now" and enumerating as RFC 3339.
enum QuartzTestSupport {
    /// "Now" for every test: Java's MAX_YEAR is then 2126.
    static let reference = Instant(secondsSinceEpoch: 1_780_272_000)  // 2026-06-01T00:00:00Z

    static func instant(_ text: String) throws -> Instant {
        try #require(Instant(parsingRFC3339: text))
    }

    static func local(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(parsing: text))
    }

    static func context(zone: String, start: String? = nil, reference: Instant = reference) throws -> DialectContext {
        DialectContext(zone: zone, start: try start.map(local), reference: reference)
    }

    static func parse(
        _ lines: [String], dialect: Dialect = .quartz, zone: String = "UTC", start: String? = nil,
        reference: Instant = reference
    ) throws -> Schedule {
        try dialect.parse(lines, context: context(zone: zone, start: start, reference: reference))
    }

    static func parse(_ line: String, dialect: Dialect = .quartz, zone: String = "UTC") throws -> Schedule {
        try parse([line], dialect: dialect, zone: zone)
    }

    /// The next `count` instants strictly after `after`, as RFC 3339 strings.
    static func next(_ schedule: Schedule, after: String, count: Int) throws -> [String] {
        try schedule.nextOccurrences(after: instant(after), count: count).map(\.description)
    }

    /// Every instant strictly between two instants.
    static func between(_ schedule: Schedule, _ from: String, _ to: String) throws -> [Instant] {
        let end = try instant(to)
        return try schedule.occurrences(from: instant(from).adding(seconds: 1), through: end.adding(seconds: -1))
    }

    /// The message of the syntax error a text raises, or `nil` if it parses.
    static func rejection(_ line: String, dialect: Dialect = .quartz) -> String? {
        do {
            _ = try parse(line, dialect: dialect)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}

import Testing

@testable import TaskgateCore

/// Shared readers for the iso8601 tests: parse through the dialect with a fake reader for the
/// embedded cron and RRULE texts, and enumerate as RFC 3339 strings.
enum ISO8601TestSupport {
    static let reference = Instant(secondsSinceEpoch: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// A reader for embedded texts that fails the test if called.
    static func noEmbedded(
        _ dialect: Dialect, _ lines: [String], _ context: DialectContext
    ) throws(ScheduleSyntaxError)
        -> Schedule
    {
        Issue.record("unexpected embedded \(dialect) text \(lines)")
        throw ScheduleSyntaxError(
            dialect: dialect, expression: lines.joined(), field: "test", offset: 0, value: "", reason: "unused")
    }

    static func context(zone: String = "UTC", start: String? = nil, end: TimePoint? = nil) throws -> DialectContext {
        let local = try start.map { text in try #require(LocalDateTime(parsing: text)) }
        return DialectContext(zone: zone, start: local, end: end, reference: reference)
    }

    static func parse(_ lines: [String], zone: String = "UTC", start: String? = nil) throws -> Schedule {
        try ISO8601IntervalDialect.parse(lines, context: context(zone: zone, start: start), embedded: noEmbedded)
    }

    static func parse(_ text: String, zone: String = "UTC", start: String? = nil) throws -> Schedule {
        try parse([text], zone: zone, start: start)
    }

    static func instant(_ text: String) throws -> Instant {
        try #require(Instant(parsingRFC3339: text))
    }

    static func local(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(parsing: text))
    }

    /// The next `count` instants after `after`, as RFC 3339 strings.
    static func next(
        _ text: String, zone: String = "UTC", start: String? = nil, after: String, count: Int
    ) throws -> [String] {
        try parse(text, zone: zone, start: start).nextOccurrences(after: instant(after), count: count).map(
            \.description)
    }

    /// The message of the error the text is rejected with, or `nil` when it is accepted.
    static func rejection(_ text: String, zone: String = "UTC", start: String? = nil) throws -> String? {
        let context = try context(zone: zone, start: start)
        do {
            _ = try ISO8601IntervalDialect.parse([text], context: context, embedded: noEmbedded)
            return nil
        } catch {
            return error.description
        }
    }
}

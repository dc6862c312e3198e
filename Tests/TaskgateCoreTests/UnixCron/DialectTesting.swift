import Foundation
import Testing

@testable import TaskgateCore

/// Helpers shared by the cron, fylr and vCO dialect tests: parse text, enumerate, print.
enum DialectTesting {
    /// "Now" for every test: 2026-01-01T00:00:00Z.
    static let reference = Instant(secondsSinceEpoch: 1_767_225_600)

    static func instant(_ text: String) throws -> Instant {
        try #require(Instant(parsingRFC3339: text))
    }

    static func local(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(parsing: text))
    }

    static func context(zone: String, start: String? = nil) throws -> DialectContext {
        DialectContext(zone: zone, start: try start.map(local), reference: reference)
    }

    static func parse(
        _ dialect: Dialect, _ lines: [String], zone: String = "UTC", start: String? = nil
    ) throws -> Schedule {
        try dialect.parse(lines, context: context(zone: zone, start: start))
    }

    /// The next `count` instants after `after`, as RFC 3339 strings.
    static func next(
        _ dialect: Dialect, _ text: String, zone: String = "UTC", start: String? = nil, after: String, count: Int
    ) throws -> [String] {
        let schedule = try parse(dialect, [text], zone: zone, start: start)
        return try schedule.nextOccurrences(after: instant(after), count: count).map(\.description)
    }

    /// The description of the error parsing `lines` throws, or `nil` when it parses.
    static func parseError(_ dialect: Dialect, _ lines: [String], zone: String = "UTC") throws -> String? {
        let context = try context(zone: zone)
        do {
            _ = try dialect.parse(lines, context: context)
            return nil
        } catch {
            return error.description
        }
    }

    /// The description of the refusal printing `schedule` throws, or `nil` when it prints.
    static func printError(_ dialect: Dialect, _ schedule: Schedule) -> String? {
        do {
            _ = try dialect.print(schedule)
            return nil
        } catch {
            return error.description
        }
    }

    /// Parses, prints, parses again; returns the printed text and whether the two models are equal.
    static func roundTrip(
        _ dialect: Dialect, _ lines: [String], zone: String = "UTC", start: String? = nil
    ) throws
        -> (printed: DialectText, equal: Bool)
    {
        let schedule = try parse(dialect, lines, zone: zone, start: start)
        let printed = try dialect.print(schedule)
        let again = try dialect.parse(printed.lines, context: printed.context)
        return (printed, again == schedule)
    }

    /// A fixture file's lines, located through this source file's path.
    static func fixtureLines(_ path: String, filePath: String = #filePath) throws -> [String] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

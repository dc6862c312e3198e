import Foundation
import Testing

@testable import TaskgateCore

/// The conversion table: for every directed pair of dialects, cases with the exact target text and
/// verdict, kept in `Fixtures/conversions/from-<dialect>.txt`.
///
/// Each case is a block:
///
///     ## what the case shows
///     quartz → rrule · Europe/Berlin · start -        (optionally "for qlik-sharing" after the target)
///       0 0 9 15W * ?                                 (source lines, indented)
///     => exact                                        (the answer, rendered by `render`)
///       RRULE:…
///
/// The test parses the requests, converts each at a fixed "now" (2026-01-01T00:00:00Z) over the
/// standard horizon, renders the answers and compares the whole file. `TASKGATE_RECORD=1` rewrites
/// the answers and fails, so a recorded table is always reviewed before it is committed.
@Suite struct ConversionTableTests {
    static let now = Instant(secondsSinceEpoch: 1_767_225_600)
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conversions")
    static let sources: [Dialect] = [.quartz, .quartzNet, .cron, .rrule, .iso8601, .fylr, .vco]

    /// One case of a table file.
    struct Case {
        var title: String
        var request: String
        var from: Dialect
        var profile: TargetProfile
        var zone: String
        var start: LocalDateTime?
        var source: [String]
    }

    @Test(arguments: sources)
    func everyCaseConvertsAsRecorded(_ dialect: Dialect) throws {
        let url = Self.directory.appendingPathComponent("from-\(dialect.rawValue).txt")
        let recorded = try String(contentsOf: url, encoding: .utf8)
        let cases = try Self.cases(in: recorded)
        #expect(cases.allSatisfy { $0.from == dialect }, "a case in \(url.lastPathComponent) converts another dialect")
        let rendered = try cases.map { try Self.block($0) }.joined(separator: "\n")
        if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); review the answers and run again without TASKGATE_RECORD")
            return
        }
        #expect(rendered == recorded)
    }

    /// Every directed pair of the six schedule languages (Quartz.NET read as Quartz's twin) has a case.
    @Test func everyDirectedPairHasACase() throws {
        var pairs: Set<String> = []
        for dialect in Self.sources {
            let url = Self.directory.appendingPathComponent("from-\(dialect.rawValue).txt")
            for entry in try Self.cases(in: String(contentsOf: url, encoding: .utf8)) {
                pairs.insert("\(entry.from.rawValue) → \(entry.profile.dialect.rawValue)")
            }
        }
        let languages: [Dialect] = [.quartz, .cron, .rrule, .iso8601, .fylr, .vco]
        let missing = languages.flatMap { from in
            languages.filter { $0 != from }.map { "\(from.rawValue) → \($0.rawValue)" }
        }.filter { !pairs.contains($0) }
        #expect(missing == [])
    }

    // MARK: reading the table

    static func cases(in text: String) throws -> [Case] {
        let blocks = text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return try blocks.map { block in
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 3, lines[0].hasPrefix("## ") else {
                throw TableError("a case starts with '## title' and a request line: \(lines.first ?? "")")
            }
            let request = lines[1]
            let parts = request.components(separatedBy: " · ")
            let pair = parts[0].components(separatedBy: " ")
            guard parts.count == 3, pair.count == 3 || pair.count == 5, pair[1] == "→",
                let from = Dialect(rawValue: pair[0]), let to = Dialect(rawValue: pair[2]),
                parts[2].hasPrefix("start ")
            else { throw TableError("expected 'FROM → TO [for PRODUCT] · ZONE · start LOCAL|-': \(request)") }
            var profile = TargetProfile.dialect(to)
            if pair.count == 5 {
                guard pair[3] == "for", let product = Product(rawValue: pair[4]) else {
                    throw TableError("expected 'for PRODUCT' after the target: \(request)")
                }
                profile = .product(product)
                profile.dialect = to
            }
            let startText = String(parts[2].dropFirst("start ".count))
            var start: LocalDateTime?
            if startText != "-" {
                guard let parsed = LocalDateTime(parsing: startText) else {
                    throw TableError("start '\(startText)' is not a local date-time")
                }
                start = parsed
            }
            let source = lines.dropFirst(2).prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
            return Case(
                title: lines[0], request: request, from: from, profile: profile, zone: parts[1], start: start,
                source: source)
        }
    }

    struct TableError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: rendering an answer

    static func block(_ entry: Case) throws -> String {
        let context = DialectContext(zone: entry.zone, start: entry.start, reference: now)
        var lines = [entry.title, entry.request] + entry.source.map { "  " + $0 }
        let source: Schedule
        do {
            source = try entry.from.parse(entry.source, context: context)
        } catch {
            return (lines + ["=> rejected: \(error.description)"]).joined(separator: "\n") + "\n"
        }
        let conversion = ScheduleConverter().convert(source, to: entry.profile, now: now)
        lines.append(contentsOf: render(conversion))
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ conversion: ScheduleConversion) -> [String] {
        var lines: [String] = []
        switch conversion.status {
        case .exact:
            lines.append("=> exact")
        case .lossy:
            let count = conversion.report?.differenceCount ?? 0
            lines.append("=> lossy (\(count) difference\(count == 1 ? "" : "s") over the horizon)")
        case .impossible:
            lines.append("=> impossible: \(conversion.reason ?? "")")
        }
        if let text = conversion.target {
            lines.append(contentsOf: text.lines.map { "  " + $0 })
            var window = "  (zone \(text.context.zone)"
            if let start = text.context.start { window += ", start \(start)" }
            if let end = text.context.end { window += ", end \(end)" }
            lines.append(window + ")")
        }
        for difference in conversion.report?.differences.prefix(3) ?? [] {
            let source = difference.source?.description ?? "none"
            let target = difference.target?.description ?? "none"
            lines.append("  differs: source \(source), target \(target) (\(difference.reason))")
        }
        if conversion.status == .lossy, let reason = conversion.reason {
            lines.append("  reason: \(reason)")
        }
        lines.append(contentsOf: conversion.notes.map { "  note: " + $0 })
        return lines
    }
}

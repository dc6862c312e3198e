import ArgumentParser
import Foundation
import TaskgateCore

/// `taskgate schedule diff`: two schedules' instants side by side, differences marked.
struct ScheduleDiff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show two schedules' instants side by side, marking where they differ.",
        discussion: """
            Each row is one instant. '=' marks an instant both fire at, '<' one only the left fires at, '>' one \
            only the right fires at. Times are shown in the zone and in UTC.
            """
    )

    @Option(help: "The dialect of the left schedule.")
    var left: Dialect

    @Option(help: "The dialect of the right schedule.")
    var right: Dialect

    @Option(help: "The zone both schedules are read in: an IANA name or a Windows zone id.")
    var zone: String = "UTC"

    @OptionGroup var mappings: MappingsOption

    @Option(help: "The window's start as a local time in the zone (YYYY-MM-DDTHH:MM:SS).")
    var start: String?

    @Option(help: "Show instants strictly after this one (RFC 3339); default: the start, or now.")
    var after: String?

    @Option(help: "How many rows to show.")
    var count: Int = 20

    @Flag(help: "Print JSON.")
    var json = false

    @Argument(help: "The left schedule's text (several lines joined by ' | ').")
    var leftText: String

    @Argument(help: "The right schedule's text (several lines joined by ' | ').")
    var rightText: String

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count \(count) is not a number of rows; expected 1 or more") }
    }

    func run() async throws {
        let now = Instant.now
        let zones = try mappings.zoneLookup()
        let context = try ScheduleInput.context(zone: zone, start: start, reference: now, zones: zones)
        let leftSchedule = try parse(leftText, as: left, context: context, side: "left")
        let rightSchedule = try parse(rightText, as: right, context: context, side: "right")
        var from = now
        if let after {
            guard let parsed = Instant(parsingRFC3339: after) else {
                throw ValidationError(
                    "--after '\(after)' is not an instant; expected RFC 3339 such as 2026-03-08T07:30:00Z")
            }
            from = parsed
        } else if let local = context.start, var rules = ZoneRules(identifier: context.zone) {
            from = rules.resolve(local).firstReading.adding(seconds: -1)
        }
        var leftOccurrences = try leftSchedule.occurrences(after: from)
        var rightOccurrences = try rightSchedule.occurrences(after: from)
        var nextLeft = leftOccurrences.next()
        var nextRight = rightOccurrences.next()
        var rows: [DiffRow] = []
        while rows.count < count, nextLeft != nil || nextRight != nil {
            if let leftInstant = nextLeft, let rightInstant = nextRight, leftInstant == rightInstant {
                rows.append(DiffRow(mark: "=", left: leftInstant, right: rightInstant))
                nextLeft = leftOccurrences.next()
                nextRight = rightOccurrences.next()
            } else if let leftInstant = nextLeft, nextRight.map({ leftInstant < $0 }) ?? true {
                rows.append(DiffRow(mark: "<", left: leftInstant, right: nil))
                nextLeft = leftOccurrences.next()
            } else if let rightInstant = nextRight {
                rows.append(DiffRow(mark: ">", left: nil, right: rightInstant))
                nextRight = rightOccurrences.next()
            }
        }
        guard var zoneRules = ZoneRules(identifier: context.zone) else { return }
        if json {
            try JSONOutput.print(rows.map { DiffRecord($0) })
            return
        }
        let width = 42
        print("  " + "\(left) (\(context.zone))".padding(width) + "\(right) (\(context.zone))")
        for row in rows {
            let leftText = row.left.map { Self.show($0, zone: &zoneRules) } ?? ""
            let rightText = row.right.map { Self.show($0, zone: &zoneRules) } ?? ""
            print("\(row.mark) " + leftText.padding(width) + rightText)
        }
    }

    private func parse(_ text: String, as dialect: Dialect, context: DialectContext, side: String) throws -> Schedule {
        do {
            return try dialect.parse(ScheduleInput.lines(of: [text]), context: context)
        } catch {
            throw CommandFailure("\(side): \(error.description)\n\(error.caretDiagram)")
        }
    }

    /// `2026-03-08 03:30 -04:00  2026-03-08T07:30:00Z`.
    static func show(_ instant: Instant, zone: inout ZoneRules) -> String {
        let offset = zone.offset(at: instant)
        let local = instant.localDateTime(offset: offset).description.replacingOccurrences(of: "T", with: " ")
        return "\(local) \(UTCOffsetText.format(offset))  \(instant)"
    }
}

/// One row of `schedule diff`.
struct DiffRow {
    var mark: String
    var left: Instant?
    var right: Instant?
}

/// The JSON form of a diff row.
struct DiffRecord: Encodable {
    var mark: String
    var left: String?
    var right: String?

    init(_ row: DiffRow) {
        mark = row.mark
        left = row.left?.description
        right = row.right?.description
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

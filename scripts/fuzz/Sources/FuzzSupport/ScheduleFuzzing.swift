import TaskgateCore

/// The dialect targets: parse, then enumerate a few instants, print back, and read the printed
/// text again. A parse that succeeds and then traps in enumeration is the danger.
///
/// Input: byte 0 picks the zone (low 4 bits) and the window start (high 4 bits), byte 1 the
/// reference instant (also the instant enumeration starts after) and the dialect the schedule is
/// also printed in; the rest is the schedule text, one line per `\n`.
public enum ScheduleFuzzing {
    /// How many instants each parsed schedule is enumerated for.
    public static let enumerationCount = 8

    /// Runs one input through `dialect`.
    public static func run(_ dialect: Dialect, _ start: UnsafeRawPointer, _ count: Int) {
        let input = FuzzInput(start, count, headerLength: 2)
        let reference = input.pick(FuzzInput.references, byte: 1)
        let context = DialectContext(
            zone: input.pick(FuzzInput.zones, byte: 0), start: FuzzInput.starts[Int(input.header[0] >> 4)],
            reference: reference)
        let lines = input.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let other = input.pick(Dialect.allCases, byte: 1, shift: 4)
        exercise(dialect, lines: lines, context: context, after: reference, alsoPrintingIn: other)
    }

    /// Parses, enumerates, explains, prints in `dialect` and in `other`, and reads the printed text back.
    public static func exercise(
        _ dialect: Dialect, lines: [String], context: DialectContext, after: Instant, alsoPrintingIn other: Dialect
    ) {
        let schedule: Schedule
        do {
            schedule = try dialect.parse(lines, context: context)
        } catch {
            _ = error.description
            _ = error.caretDiagram
            return
        }
        enumerate(schedule, after: after)
        _ = try? ScheduleExplanation(schedule)
        for printer in [dialect, other] {
            guard let text = try? printer.print(schedule) else { continue }
            guard let again = try? printer.parse(text.lines, context: text.context) else { continue }
            enumerate(again, after: after)
        }
    }

    /// A bounded enumeration.
    ///
    /// Not `previousOccurrences(before:count:)`, which nothing in Sources calls: its spans double
    /// backwards from `before` and each is enumerated forwards, so a dense schedule that ends long
    /// before `before` is walked instant by instant (`R/PT1S/2026-11-18T07:58:19` before 2099: no
    /// answer within 5 minutes), and every span builds its zone's transition table anew (an RRULE
    /// of 2018 in Pacific/Chatham before 9999: 2.9 s).
    static func enumerate(_ schedule: Schedule, after: Instant) {
        _ = try? schedule.nextOccurrences(after: after, count: enumerationCount)
    }
}

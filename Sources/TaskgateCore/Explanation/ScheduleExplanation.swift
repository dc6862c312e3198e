/// A schedule in plain English, built from the model alone.
///
/// Every part of the model is said: the kind; each rule (times of day, days, months, years,
/// days of the year, week numbers, cadence, set positions, count, end); how the rules combine;
/// the window; the exclusions; the zone; and what happens to a time on a clock-change day. The
/// text is deterministic, so it can be compared word for word.
///
/// ```swift
/// let explanation = try ScheduleExplanation(schedule)
/// print(explanation.text)  // Runs at 08:00 on Monday to Friday. Times are read in Europe/Berlin. …
/// ```
public struct ScheduleExplanation: Hashable, Sendable {
    /// The sentences, in order: what makes it run, the window, the exclusions, the zone, the
    /// clock changes.
    public var sentences: [String]
    /// One phrase per rule of a recurring schedule, in order (`at 08:00 on Monday to Friday`);
    /// empty for the other kinds.
    public var rules: [String]

    /// The sentences joined into one paragraph.
    public var text: String { sentences.joined(separator: " ") }

    /// Explains a schedule.
    ///
    /// - Throws: ``UnknownTimeZoneError`` when the schedule's zone is not known; instants are
    ///   written as that zone reads them.
    public init(_ schedule: Schedule) throws(UnknownTimeZoneError) {
        guard var zone = ZoneRules(identifier: schedule.zone) else {
            throw UnknownTimeZoneError(identifier: schedule.zone)
        }
        var points = TimePointText(zone: zone)
        rules = schedule.rules.map { RulePhrase(rule: $0, windowStart: schedule.window.start).text(points: &points) }
        sentences = []
        switch schedule.kind {
        case .manual:
            sentences.append("Runs only when started by hand.")
        case .once(let instant):
            sentences.append("Runs once, at \(points.text(instant)) in \(schedule.zone).")
        case .event(let event):
            sentences.append("Runs when an event happens: \(event).")
        case .recurring:
            sentences.append(Self.union(rules))
        }
        if let window = Self.window(schedule.window, points: &points) { sentences.append(window) }
        if !schedule.exclusions.isEmpty {
            let excluded = schedule.exclusions.map { points.text($0) }
            sentences.append("It does not fire at \(EnglishList.joined(excluded, conjunction: "or")).")
        }
        if case .recurring(let scheduleRules) = schedule.kind, !scheduleRules.isEmpty {
            sentences.append("Times are read in \(schedule.zone).")
            if Self.changesOffset(&zone) { sentences += Self.clockChanges(scheduleRules) }
        }
    }

    /// `Runs …` for one rule, two plain ones joined by `and`, or a numbered list.
    private static func union(_ rules: [String]) -> String {
        switch rules.count {
        case 0:
            return "Never runs: it has no rules."
        case 1:
            return "Runs \(rules[0])."
        case 2 where !rules.contains(where: { $0.contains(",") }):
            return "Runs \(rules[0]), and \(rules[1])."
        default:
            let items = rules.enumerated().map { "(\($0.offset + 1)) \($0.element)" }
            return "Runs whenever any of these \(rules.count) rules fires: \(items.joined(separator: "; "))."
        }
    }

    /// `It fires from … until …, both included.`
    private static func window(_ window: ScheduleWindow, points: inout TimePointText) -> String? {
        switch (window.start, window.end) {
        case (let start?, let end?): "It fires from \(points.text(start)) until \(points.text(end)), both included."
        case (let start?, nil): "It fires from \(points.text(start)) on."
        case (nil, let end?): "It fires until \(points.text(end)), included."
        case (nil, nil): nil
        }
    }

    /// One sentence on clock changes if every rule treats them alike, else one per rule. A rule
    /// that steps by elapsed time only maps just its anchor through the policy, so it is left out.
    private static func clockChanges(_ rules: [ScheduleRule]) -> [String] {
        let affected = rules.enumerated().filter { !isElapsedOnly($0.element) }
        guard let first = affected.first else { return [] }
        if affected.allSatisfy({ $0.element.dstPolicy == first.element.dstPolicy }) {
            return [EnglishList.capitalized(first.element.dstPolicy.explanation) + "."]
        }
        return affected.map { "In rule \($0.offset + 1), \($0.element.dstPolicy.explanation)." }
    }

    private static func isElapsedOnly(_ rule: ScheduleRule) -> Bool {
        guard case .duration(let duration) = rule.interval?.step else { return false }
        return duration.calendarMonths == 0 && duration.calendarDays == 0
    }

    /// Whether the zone's offset changes at any time from 1970 to 2100; a zone that never changes
    /// (UTC, Asia/Kolkata) needs no word on clock changes.
    private static func changesOffset(_ zone: inout ZoneRules) -> Bool {
        let from = Instant(secondsSinceEpoch: 0)
        let through = Instant(secondsSinceEpoch: LocalDateTime(year: 2100, month: 1, day: 1).secondsSinceEpoch)
        return !zone.transitions(from: from, through: through).isEmpty
    }
}

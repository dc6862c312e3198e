/// Whether a rule selects local times that a zone's clock changes make irregular: times in a
/// spring-forward gap (which do not exist) or in an autumn overlap (which exist twice).
///
/// Two DST policies give the same instants for a rule exactly when they agree on the kind of
/// irregular time the rule selects. The printers of Debian cron, fylr and vCO use this to print
/// a rule whose policy their product cannot have, when the difference can never show: a fylr
/// schedule in UTC prints as a cron line although fylr matches the wall clock literally and
/// Debian cron moves a fixed time out of a gap.
struct DSTExposure: Hashable {
    /// The rule selects a local time inside a spring-forward gap.
    var selectsGapTimes = false
    /// The rule selects a local time inside an autumn overlap.
    var selectsOverlapTimes = false

    /// The earliest instant the check looks at when the schedule's window has no start:
    /// 1970-01-01T00:00:00Z (the tz database is reliable from here on).
    static let earliest = Instant(secondsSinceEpoch: 0)
    /// The latest instant the check looks at when the schedule's window has no end:
    /// 2100-01-01T00:00:00Z.
    static let latest = Instant(secondsSinceEpoch: 4_102_444_800)

    /// The exposure of `rule` to the transitions of `zone` in `from...through`.
    ///
    /// The rule's calendar fields decide; an interval is ignored, so a rule with one is judged
    /// as if it selected every calendar match (a safe over-estimate).
    init(of rule: ScheduleRule, in zone: inout ZoneRules, from: Instant, through: Instant) {
        guard from <= through else { return }
        var matcher = CalendarMatcher(rule)
        for transition in zone.transitions(from: from, through: through) {
            let isGap = transition.offsetAfter > transition.offsetBefore
            if isGap ? selectsGapTimes : selectsOverlapTimes { continue }
            let instant = transition.instant.secondsSinceEpoch
            let regionStart = instant + Int64(min(transition.offsetBefore, transition.offsetAfter))
            let regionEnd = instant + Int64(max(transition.offsetBefore, transition.offsetAfter))
            let start = LocalDateTime(secondsSinceEpoch: regionStart)
            guard let match = matcher.first(atOrAfter: start, throughYear: start.year + 1),
                match.secondsSinceEpoch < regionEnd
            else { continue }
            if isGap { selectsGapTimes = true } else { selectsOverlapTimes = true }
            if selectsGapTimes && selectsOverlapTimes { return }
        }
    }

    /// The exposure of `rule` in the schedule's zone over its window (or 1970–2100 where the
    /// window is open); `nil` when the zone is unknown.
    init?(of rule: ScheduleRule, in schedule: Schedule) {
        guard var zone = ZoneRules(identifier: schedule.zone) else { return nil }
        var from = Self.earliest
        var through = Self.latest
        switch schedule.window.start {
        case .instant(let start): from = max(from, start)
        case .local(let start): from = max(from, zone.resolve(start).firstReading)
        case nil: break
        }
        switch schedule.window.end {
        case .instant(let end): through = min(through, end)
        case .local(let end): through = min(through, zone.resolve(end).firstReading.adding(seconds: 86_400))
        case nil: break
        }
        self.init(of: rule, in: &zone, from: from, through: through)
    }

    /// Whether a rule read with `actual` fires at the same instants as with `wanted`.
    func agrees(_ actual: DSTPolicy, with wanted: DSTPolicy) -> Bool {
        (actual.gap == wanted.gap || !selectsGapTimes) && (actual.overlap == wanted.overlap || !selectsOverlapTimes)
    }
}

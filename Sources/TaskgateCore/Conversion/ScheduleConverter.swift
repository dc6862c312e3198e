/// Converts a schedule into another dialect through the canonical model, and proves the result.
///
/// For each rule the converter looks for a form the target can print — the rule itself under the
/// target engine's DST policy, or a union of rules from the rewrites (split day selectors,
/// nearest weekdays as day-and-weekday rules, intervals as field steps, durations as calendar
/// rules and back) — then merges rules while the target can still print the merged one, prints,
/// reads the printed text back with the target's own parser (so the target engine's semantics,
/// DST policy included, are what gets checked), and enumerates both sides over the horizon. The
/// status is `exact` only when the enumeration agrees everywhere.
///
/// ```swift
/// let conversion = ScheduleConverter().convert(wynSchedule, to: .rrule, now: now)
/// conversion.status        // .exact
/// conversion.target?.lines // ["RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0;BYSECOND=0"]
/// ```
public struct ScheduleConverter: Sendable {
    /// Writes a schedule in the target dialect.
    typealias Printer = @Sendable (Schedule) throws(UnprintableSchedule) -> DialectText
    /// Reads the target dialect.
    typealias Parser = @Sendable ([String], DialectContext) throws(ScheduleSyntaxError) -> Schedule

    /// How far each conversion is proved.
    public var horizon: VerificationHorizon
    /// Conversions already proved, shared across converters of one run (`nil`: prove every time).
    public var memo: ConversionMemo?

    /// Creates a converter.
    public init(horizon: VerificationHorizon = .standard, memo: ConversionMemo? = nil) {
        self.horizon = horizon
        self.memo = memo
    }

    /// Converts `source` into a dialect, reading "now" from `now` (where the verification starts
    /// when the source has no window start, and what dialects that need "now" are given).
    public func convert(_ source: Schedule, to target: Dialect, now: Instant) -> ScheduleConversion {
        convert(source, to: .dialect(target), now: now)
    }

    /// Converts `source` into a product's schedule field, within its limits.
    public func convert(_ source: Schedule, to profile: TargetProfile, now: Instant) -> ScheduleConversion {
        guard let memo else { return proved(source, to: profile, now: now) }
        let key = ConversionMemo.Key(source: source, profile: profile, now: now, horizon: horizon)
        return memo.conversion(for: key) { proved(source, to: profile, now: now) }
    }

    /// Converts and proves, without the memo.
    private func proved(_ source: Schedule, to profile: TargetProfile, now: Instant) -> ScheduleConversion {
        let dialect = profile.dialect
        return convert(
            source, profile: profile, now: now,
            print: { schedule throws(UnprintableSchedule) in try dialect.print(schedule) },
            parse: { lines, context throws(ScheduleSyntaxError) in try dialect.parse(lines, context: context) })
    }

    func convert(
        _ source: Schedule, profile: TargetProfile, now: Instant, print: @escaping Printer, parse: Parser
    ) -> ScheduleConversion {
        let targetName = profile.name
        guard var zone = ZoneRules(identifier: source.zone) else {
            return ScheduleConversion(
                status: .impossible, target: nil, report: nil,
                reason: UnknownTimeZoneError(identifier: source.zone).description)
        }
        let start = verificationStart(of: source, now: now, zone: &zone)
        var notes: [String] = []
        let prepared = prepare(source, for: profile, now: now, start: start, zone: &zone, notes: &notes)
        let candidate: Schedule
        switch printableCandidate(prepared, profile: profile, start: start, zone: zone, print: print, notes: &notes) {
        case .success(let schedule): candidate = schedule
        case .failure(let refusal):
            return ScheduleConversion(
                status: .impossible, target: nil, report: nil, reason: refusal.description, notes: notes)
        }
        let text: DialectText
        do {
            text = try print(candidate)
        } catch {
            return ScheduleConversion(
                status: .impossible, target: nil, report: nil, reason: error.description, notes: notes)
        }
        if let maximumLines = profile.maximumLines, text.lines.count > maximumLines {
            return ScheduleConversion(
                status: .impossible, target: text, report: nil,
                reason: "\(targetName) holds at most \(maximumLines) line(s); the schedule needs \(text.lines.count)",
                notes: notes)
        }
        if let linesPerTask = profile.linesPerTask, text.lines.count > linesPerTask {
            let tasks = (text.lines.count + linesPerTask - 1) / linesPerTask
            notes.append("\(targetName) holds \(linesPerTask) line(s) per task: this schedule needs \(tasks) tasks")
        }
        let readBack: Schedule
        do {
            readBack = try parse(text.lines, text.context)
        } catch {
            return ScheduleConversion(
                status: .impossible, target: text, report: nil,
                reason: "\(targetName) cannot read back what was printed: \(error)", notes: notes)
        }
        let check = EquivalenceCheck(horizon: horizon, limit: QuartzYearCap.limit(source, readBack))
        let report: EquivalenceReport
        do {
            report = try check.compare(source, with: readBack, from: start, labels: ("the source", targetName))
        } catch {
            return ScheduleConversion(
                status: .impossible, target: text, report: nil, reason: error.description, notes: notes)
        }
        if !report.isExact,
            let compensated = compensate(
                report, source: source, candidate: candidate, readBack: readBack, start: start, zone: &zone,
                targetName: targetName, check: check, print: print, parse: parse)
        {
            return ScheduleConversion(
                status: .exact, target: compensated.text, report: compensated.report, reason: nil,
                notes: notes + [compensated.note])
        }
        let reason = report.differences.first.map { "\($0.reason): \($0.note)" } ?? notes.first
        return ScheduleConversion(
            status: report.isExact ? .exact : .lossy, target: text, report: report,
            reason: report.isExact ? nil : reason, notes: notes)
    }

    /// Where the verification starts: the window start (a local start read with the first offset),
    /// or now.
    func verificationStart(of schedule: Schedule, now: Instant, zone: inout ZoneRules) -> Instant {
        switch schedule.window.start {
        case .instant(let start): return start
        case .local(let start): return zone.resolve(start).firstReading
        case nil:
            if case .once(let at) = schedule.kind { return min(at, now) }
            return now
        }
    }

    /// Schedule-level changes the target needs before its rules are looked at: rule ends and
    /// years moved into the window, exclusions dropped where the target holds none, and a start
    /// (the verification day's midnight) where the target needs one and the source has none.
    private func prepare(
        _ source: Schedule, for profile: TargetProfile, now: Instant, start: Instant, zone: inout ZoneRules,
        notes: inout [String]
    ) -> Schedule {
        var prepared = source
        if !profile.holdsRuleEnds, let moved = RuleEndsToWindow.apply(to: prepared) { prepared = moved }
        if !profile.dialect.hasYearField,
            let moved = YearsToWindow.apply(
                to: prepared, capYear: QuartzCron.capYear(reference: now), zone: &zone, notes: &notes)
        {
            prepared = moved
        }
        if !profile.holdsExclusions, !prepared.exclusions.isEmpty {
            notes.append("\(prepared.exclusions.count) excluded date(s) dropped: \(profile.name) holds no exclusions")
            prepared.exclusions = []
        }
        if prepared.window.start == nil, case .recurring(let rules) = prepared.kind {
            let anchors = Set(rules.map { $0.interval?.anchor })
            if anchors.count == 1, let only = anchors.first, let anchor = only {
                // Interval rules fire from their anchor on: it is their start, which rewrites that drop the
                // interval (a year from 29 February is the last day of February) must keep.
                prepared.window.start = .local(anchor)
            } else if profile.dialect.requiresStart, anchors == [nil] {
                let day = zone.localDateTime(at: start)
                let midnight = LocalDateTime(year: day.year, month: day.month, day: day.day)
                prepared.window.start = .local(midnight)
                notes.append("window start \(midnight) added: \(profile.name) needs a start and the source has none")
            }
        }
        return prepared
    }

    /// The schedule in printable rules, under the fullest window the target holds: rules with no
    /// printable form are dropped (noted); parts of the window the target cannot hold are dropped
    /// (noted); the equivalence check then shows what that costs.
    private func printableCandidate(
        _ prepared: Schedule, profile: TargetProfile, start: Instant, zone: ZoneRules, print: @escaping Printer,
        notes: inout [String]
    ) -> Result<Schedule, UnprintableSchedule> {
        var zone = zone
        let span = start...start.adding(seconds: horizon.seconds)
        // New intervals count from the window's local start (which may be one the target needed added).
        let anchor: LocalDateTime
        if case .local(let local) = prepared.window.start {
            anchor = local
        } else {
            anchor = zone.localDateTime(at: start)
        }
        var search = PrintableRuleSearch(
            print: print, dialect: profile.dialect,
            context: RewriteContext(
                anchor: anchor,
                zoneHasFixedOffset: zone.transitions(from: span.lowerBound, through: span.upperBound).isEmpty),
            span: span, zone: zone)
        var firstRefusal: UnprintableSchedule?
        for (window, dropped) in windowVariants(prepared.window) {
            var candidate = prepared
            candidate.window = window
            var ruleNotes: [String] = []
            if case .recurring(let rules) = prepared.kind {
                var printable: [ScheduleRule] = []
                for (index, rule) in rules.enumerated() {
                    switch search.form(of: rule, window: window, zoneIdentifier: prepared.zone) {
                    case .success(let form):
                        printable.append(contentsOf: form)
                    case .failure(let refusal):
                        firstRefusal = firstRefusal ?? refusal
                        ruleNotes.append("rule \(index + 1) dropped: \(refusal)")
                    }
                }
                guard !printable.isEmpty else { continue }
                candidate.kind = .recurring(
                    RuleMerging.merge(printable) { rule in
                        (try? print(Schedule.recurring([rule], zone: prepared.zone, window: window))) != nil
                    })
            }
            do {
                _ = try print(candidate)
            } catch {
                firstRefusal = firstRefusal ?? error
                continue
            }
            notes += dropped.map { "\($0) dropped: \(profile.name) cannot hold it" } + ruleNotes
            return .success(candidate)
        }
        return .failure(
            firstRefusal
                ?? UnprintableSchedule(dialect: profile.dialect, part: "schedule", reason: "nothing can be printed"))
    }

    /// The window, then the window without its end, without its start, and without either, each
    /// with the parts it leaves out.
    private func windowVariants(_ window: ScheduleWindow) -> [(ScheduleWindow, [String])] {
        var variants: [(ScheduleWindow, [String])] = [(window, [])]
        if let end = window.end { variants.append((ScheduleWindow(start: window.start), ["window end \(end)"])) }
        if let start = window.start { variants.append((ScheduleWindow(end: window.end), ["window start \(start)"])) }
        if let start = window.start, let end = window.end {
            variants.append((.unbounded, ["window start \(start)", "window end \(end)"]))
        }
        return variants
    }

    /// Adds rules for spring-forward runs the target engine would skip, and proves the result.
    private func compensate(
        _ report: EquivalenceReport, source: Schedule, candidate: Schedule, readBack: Schedule, start: Instant,
        zone: inout ZoneRules, targetName: String, check: EquivalenceCheck, print: Printer, parse: Parser
    ) -> (text: DialectText, report: EquivalenceReport, note: String)? {
        guard case .recurring(let rules) = candidate.kind, let policy = readBack.rules.first?.dstPolicy,
            let extra = SpringForwardCompensation.rules(for: report, source: source, policy: policy, zone: &zone)
        else { return nil }
        var compensated = candidate
        compensated.kind = .recurring(rules + extra)
        guard let text = try? print(compensated), let again = try? parse(text.lines, text.context),
            let proof = try? check.compare(
                source, with: again, from: start, labels: ("the source", targetName)),
            proof.isExact
        else { return nil }
        let note =
            "\(extra.count) rule(s) added for the spring-forward day, where the source engine runs a time the "
            + "clock skips and \(targetName) would not; this relies on \(source.zone)'s current DST rules"
        return (text, proof, note)
    }
}

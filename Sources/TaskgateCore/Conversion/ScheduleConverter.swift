/// Converts a schedule into another dialect through the canonical model, and proves the result.
///
/// For each rule the converter looks for a form the target can print — the rule itself, or a
/// union of rules from the rewrites (split day selectors, nearest weekdays as day-and-weekday
/// rules, intervals as field steps, durations as calendar rules and back) — then merges rules
/// while the target can still print the merged one, prints, reads the printed text back with the
/// target's own parser (so the target engine's semantics, DST policy included, are what gets
/// checked), and enumerates both sides over the horizon. The status is `exact` only when the
/// enumeration agrees everywhere.
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

    public var horizon: VerificationHorizon
    /// How deep the search for a printable form of one rule goes.
    static let rewriteDepth = 4

    /// Creates a converter.
    public init(horizon: VerificationHorizon = .standard) {
        self.horizon = horizon
    }

    /// Converts `source` into a dialect, reading "now" from `now` (where the verification starts
    /// when the source has no window start, and what dialects that need "now" are given).
    public func convert(_ source: Schedule, to target: Dialect, now: Instant) -> ScheduleConversion {
        convert(source, to: .dialect(target), now: now)
    }

    /// Converts `source` into a product's schedule field, within its limits.
    public func convert(_ source: Schedule, to profile: TargetProfile, now: Instant) -> ScheduleConversion {
        let dialect = profile.dialect
        return convert(
            source, profile: profile, now: now,
            print: { schedule throws(UnprintableSchedule) in try dialect.print(schedule) },
            parse: { lines, context throws(ScheduleSyntaxError) in try dialect.parse(lines, context: context) })
    }

    func convert(_ source: Schedule, profile: TargetProfile, now: Instant, print: Printer, parse: Parser) -> ScheduleConversion {
        let targetName = profile.name
        guard var zone = ZoneRules(identifier: source.zone) else {
            return ScheduleConversion(
                status: .impossible, target: nil, report: nil, reason: UnknownTimeZoneError(identifier: source.zone).description)
        }
        let start = verificationStart(of: source, now: now, zone: &zone)
        var notes: [String] = []
        var candidate = source
        if !profile.holdsRuleEnds, let moved = RuleEndsToWindow.apply(to: candidate) {
            candidate = moved
        }
        if !profile.holdsExclusions, !candidate.exclusions.isEmpty {
            notes.append("\(candidate.exclusions.count) excluded date(s) dropped: \(targetName) holds no exclusions")
            candidate.exclusions = []
        }
        if case .recurring(let sourceRules) = candidate.kind {
            // The target engine applies its own DST policy: take, per rule, the closest it has.
            let rules = sourceRules.map { rule in
                var adopted = rule
                adopted.dstPolicy = profile.dialect.enginePolicies(closestTo: rule.dstPolicy).first ?? rule.dstPolicy
                return adopted
            }
            let context = RewriteContext(
                anchor: zone.localDateTime(at: start),
                zoneHasFixedOffset: zone.transitions(from: start, through: start.adding(seconds: horizon.seconds)).isEmpty)
            var printable: [ScheduleRule] = []
            var firstRefusal: UnprintableSchedule?
            for (index, rule) in rules.enumerated() {
                switch printableForm(
                    of: rule, in: candidate, context: context, profile: profile, print: print, depth: Self.rewriteDepth)
                {
                case .success(let form):
                    printable.append(contentsOf: form)
                case .failure(let refusal):
                    firstRefusal = firstRefusal ?? refusal
                    notes.append("rule \(index + 1) dropped: \(refusal)")
                }
            }
            guard !printable.isEmpty else {
                return ScheduleConversion(
                    status: .impossible, target: nil, report: nil,
                    reason: firstRefusal?.description ?? "the schedule has no rule", notes: notes)
            }
            let merged = RuleMerging.merge(printable) { rule in
                (try? print(Schedule.recurring([rule], zone: candidate.zone, window: candidate.window))) != nil
            }
            candidate.kind = .recurring(merged)
        }
        let text: DialectText
        switch printWithFallbacks(candidate, print: print, notes: &notes) {
        case .success(let printed): text = printed
        case .failure(let refusal):
            return ScheduleConversion(status: .impossible, target: nil, report: nil, reason: refusal.description, notes: notes)
        }
        if let maximumLines = profile.maximumLines, text.lines.count > maximumLines {
            return ScheduleConversion(
                status: .impossible, target: text, report: nil,
                reason: "\(targetName) holds at most \(maximumLines) lines; the schedule needs \(text.lines.count)", notes: notes)
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
        let report: EquivalenceReport
        do {
            report = try EquivalenceCheck(horizon: horizon).compare(
                source, with: readBack, from: start, labels: ("the source", targetName))
        } catch {
            return ScheduleConversion(status: .impossible, target: text, report: nil, reason: error.description, notes: notes)
        }
        if !report.isExact, let compensated = compensate(
            report, source: source, candidate: candidate, readBack: readBack, start: start, zone: &zone,
            targetName: targetName, print: print, parse: parse)
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

    /// Adds rules for spring-forward runs the target engine would skip, and proves the result.
    private func compensate(
        _ report: EquivalenceReport, source: Schedule, candidate: Schedule, readBack: Schedule, start: Instant,
        zone: inout ZoneRules, targetName: String, print: Printer, parse: Parser
    ) -> (text: DialectText, report: EquivalenceReport, note: String)? {
        guard case .recurring(let rules) = candidate.kind, let policy = readBack.rules.first?.dstPolicy,
            let extra = SpringForwardCompensation.rules(for: report, source: source, policy: policy, zone: &zone)
        else { return nil }
        var compensated = candidate
        compensated.kind = .recurring(rules + extra)
        guard let text = try? print(compensated), let again = try? parse(text.lines, text.context),
            let proof = try? EquivalenceCheck(horizon: horizon).compare(
                source, with: again, from: start, labels: ("the source", targetName)),
            proof.isExact
        else { return nil }
        let note =
            "\(extra.count) rule(s) added for the spring-forward day, where the source engine runs a time the "
            + "clock skips and \(targetName) would not; this relies on \(source.zone)'s current DST rules"
        return (text, proof, note)
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

    /// The rule itself if the target prints it, or the first union of rewritten rules it prints.
    private func printableForm(
        of rule: ScheduleRule, in source: Schedule, context: RewriteContext, profile: TargetProfile, print: Printer,
        depth: Int
    ) -> Result<[ScheduleRule], UnprintableSchedule> {
        var refusal: UnprintableSchedule?
        for policy in [rule.dstPolicy] + profile.dialect.enginePolicies(closestTo: rule.dstPolicy) {
            var attempt = rule
            attempt.dstPolicy = policy
            do {
                _ = try print(Schedule.recurring([attempt], zone: source.zone, window: source.window))
                return .success([attempt])
            } catch {
                refusal = refusal ?? error
            }
        }
        guard let refusal else { return .success([rule]) }
        guard depth > 0 else { return .failure(refusal) }
        for rewrite in RuleRewrite.all {
            guard let pieces = rewrite.apply(rule, context), pieces != [rule] else { continue }
            var forms: [ScheduleRule] = []
            var printed = true
            for piece in pieces {
                guard
                    case .success(let form) = printableForm(
                        of: piece, in: source, context: context, profile: profile, print: print, depth: depth - 1)
                else {
                    printed = false
                    break
                }
                forms.append(contentsOf: form)
            }
            if printed { return .success(forms) }
        }
        return .failure(refusal)
    }

    /// Prints the schedule; when the target cannot hold its exclusions or its window end, prints
    /// without them and notes the loss (the equivalence check then shows what it costs).
    private func printWithFallbacks(
        _ schedule: Schedule, print: Printer, notes: inout [String]
    ) -> Result<DialectText, UnprintableSchedule> {
        var attempt = schedule
        var lastRefusal: UnprintableSchedule?
        for step in 0..<3 {
            do {
                return .success(try print(attempt))
            } catch {
                lastRefusal = error
            }
            switch step {
            case 0 where !attempt.exclusions.isEmpty:
                notes.append("excluded dates dropped: \(lastRefusal?.description ?? "")")
                attempt.exclusions = []
            case 0, 1 where attempt.window.end != nil:
                notes.append("window end dropped: \(lastRefusal?.description ?? "")")
                attempt.window.end = nil
            default:
                break
            }
        }
        return .failure(lastRefusal ?? UnprintableSchedule(dialect: .rrule, part: "schedule", reason: "cannot be printed"))
    }
}

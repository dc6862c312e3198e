/// Finds, for each rule, a form the target dialect can print: the rule under one of the target
/// engine's DST policies, or a union of rules produced by the rewrites.
struct PrintableRuleSearch {
    let print: ScheduleConverter.Printer
    let dialect: Dialect
    let context: RewriteContext
    /// The span the conversion is verified over, for judging a rule's exposure to clock changes.
    let span: ClosedRange<Instant>
    var zone: ZoneRules
    /// How deep the search for a printable form of one rule goes.
    static let depth = 4

    /// The printable form of `rule` inside a schedule of `zone` and `window`, or the first refusal.
    mutating func form(
        of rule: ScheduleRule, window: ScheduleWindow, zoneIdentifier: String
    ) -> Result<[ScheduleRule], UnprintableSchedule> {
        form(of: rule, window: window, zoneIdentifier: zoneIdentifier, depth: Self.depth)
    }

    private mutating func form(
        of rule: ScheduleRule, window: ScheduleWindow, zoneIdentifier: String, depth: Int
    ) -> Result<[ScheduleRule], UnprintableSchedule> {
        var refusal: UnprintableSchedule?
        for policy in policies(for: rule) {
            var attempt = rule
            attempt.dstPolicy = policy
            do {
                _ = try print(Schedule.recurring([attempt], zone: zoneIdentifier, window: window))
                return .success([attempt])
            } catch {
                refusal = refusal ?? error
            }
        }
        guard let refusal else { return .success([rule]) }
        guard depth > 0 else { return .failure(refusal) }
        // A rewritten form that fails on another part names what is really missing (a fifth Friday
        // in cron), where the rule as written fails on a part a rewrite removes (its interval).
        var deeperRefusal: UnprintableSchedule?
        for rewrite in RuleRewrite.all {
            guard let pieces = rewrite.apply(rule, context), pieces != [rule] else { continue }
            var forms: [ScheduleRule] = []
            var printed = true
            for piece in pieces {
                switch form(of: piece, window: window, zoneIdentifier: zoneIdentifier, depth: depth - 1) {
                case .success(let form):
                    forms.append(contentsOf: form)
                case .failure(let pieceRefusal):
                    if pieceRefusal.part != refusal.part { deeperRefusal = deeperRefusal ?? pieceRefusal }
                    printed = false
                }
                if !printed { break }
            }
            if printed { return .success(forms) }
        }
        return .failure(deeperRefusal ?? refusal)
    }

    /// The target engine's policies to try: its usual one first when the rule never meets a clock
    /// change over the span (the choice cannot show), else the one closest to the source engine's.
    private mutating func policies(for rule: ScheduleRule) -> [DSTPolicy] {
        let exposure = DSTExposure(of: rule, in: &zone, from: span.lowerBound, through: span.upperBound)
        if !exposure.selectsGapTimes, !exposure.selectsOverlapTimes { return dialect.enginePolicies }
        return dialect.enginePolicies(closestTo: rule.dstPolicy)
    }
}

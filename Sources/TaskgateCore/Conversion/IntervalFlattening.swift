/// An RRULE-style interval written as plain field values, where the periods it includes recur
/// identically in every enclosing period: every 2 hours from 01:00 is hours 1, 3, …, 23; every
/// 3 months from February is February, May, August and November; every 40 minutes is two groups
/// of times (qlik-scheduling.md H11; wyn.md H7).
///
/// Day and week intervals never flatten (months and years have no whole number of them), except an
/// interval of one period, which includes every period: it is dropped, and the window keeps its start.
extension RuleRewrite {
    static let flattenInterval = RuleRewrite(name: "flatten-interval") { rule, _ in
        guard let interval = rule.interval, case .calendar(let unit, let every) = interval.step, every >= 1,
            interval.setPositions.isEmpty, interval.count == nil, interval.until == nil
        else { return nil }
        var flat = rule
        flat.interval = nil
        if every == 1 { return [flat] }
        switch unit {
        case .second, .minute, .hour:
            guard let unitSeconds = unit.fixedSeconds, 86_400 % (unitSeconds * Int64(every)) == 0 else { return nil }
            let anchorUnit = interval.anchor.secondOfDay / Int(unitSeconds)
            let times = rule.secondsOfDay.filter { ($0 / Int(unitSeconds) - anchorUnit) % every == 0 }
            guard !times.isEmpty else { return nil }
            return flat.withTimes(TimeOfDayGrouping.products(of: times))
        case .month:
            guard 12 % every == 0 else { return nil }
            flat.months = FieldSet(rule.months.filter { (($0 - interval.anchor.month) % every + every) % every == 0 })
            return flat.months.isEmpty ? nil : [flat]
        case .year:
            let years = stride(from: interval.anchor.year, through: CalendarMatcher.lastYear, by: every)
                .filter { rule.years?.contains($0) ?? true }
            guard !years.isEmpty else { return nil }
            flat.years = YearSet(years)
            return [flat]
        case .day, .week:
            return nil
        }
    }
}

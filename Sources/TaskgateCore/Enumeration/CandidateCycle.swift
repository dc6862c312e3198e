/// How often a calendar rule's local candidates repeat on the wall clock.
///
/// Shifting every candidate of a rule by its cycle gives the rule's candidates again (from the
/// anchor's period on), so a window of one cycle holds the same number of candidates wherever it
/// starts. ``LocalCandidates`` uses it twice: a counted rule steps over whole cycles to the time it
/// is wanted from instead of listing every candidate since its anchor, and a rule whose cycle
/// holds no candidate is known never to fire again.
///
/// The cycle is a common multiple of the rule's period (`FREQ` times `INTERVAL`) and of the
/// pattern its day filters repeat with: a day when every day is selected, a week for weekdays
/// without ordinals, otherwise the 400 years after which the Gregorian calendar repeats itself,
/// weekdays included (146,097 days are 20,871 weeks).
enum CandidateCycle {
    /// 400 Gregorian years on the wall clock.
    static let gregorianSeconds: Int64 = 146_097 * 86_400
    /// Cycles longer than the calendar (years 1 to 9999) are of no use.
    static let longestSeconds: Int64 = 25 * gregorianSeconds

    /// The cycle of a rule's candidates in seconds, or `nil` when the rule's years are restricted
    /// (Quartz's year field repeats nothing) or the cycle is longer than the calendar.
    ///
    /// - Parameters:
    ///   - rule: the rule whose calendar fields the candidates match.
    ///   - periods: the rule's periods when candidates are taken from included periods only.
    static func seconds(of rule: ScheduleRule, periods: RulePeriods?) -> Int64? {
        guard rule.years == nil else { return nil }
        guard let periods else { return dayPatternSeconds(rule) }
        switch periods.unit {
        case .month, .year:
            // Months are counted on the calendar: only the 400-year cycle (4,800 months) holds.
            let months = Int64(periods.every) * (periods.unit == .year ? 12 : 1)
            let cycleMonths = leastCommonMultiple(months, 4_800)
            guard let cycleMonths, cycleMonths / 4_800 <= longestSeconds / gregorianSeconds else { return nil }
            return cycleMonths / 4_800 * gregorianSeconds
        case .second, .minute, .hour, .day, .week:
            guard let unitSeconds = periods.unit.fixedSeconds else { return nil }
            let (periodSeconds, overflow) = Int64(periods.every).multipliedReportingOverflow(by: unitSeconds)
            guard !overflow, let cycle = leastCommonMultiple(periodSeconds, dayPatternSeconds(rule)) else { return nil }
            return cycle <= longestSeconds ? cycle : nil
        }
    }

    /// How often the days a rule selects repeat, in seconds.
    static func dayPatternSeconds(_ rule: ScheduleRule) -> Int64 {
        let everyMonth = FieldSet.everyMonth.bits & ~rule.months.bits == 0
        guard everyMonth, rule.yearDays == nil, rule.weekNumbers == nil else { return gregorianSeconds }
        switch rule.days {
        case .everyDay:
            return 86_400
        case .weekdays(let weekdays) where weekdays.ordinals.isEmpty:
            return weekdays.isEveryDay ? 86_400 : 604_800
        case .weekdays, .monthDays, .either, .both:
            return gregorianSeconds
        }
    }

    /// The least common multiple of two positive numbers, or `nil` when it overflows.
    static func leastCommonMultiple(_ a: Int64, _ b: Int64) -> Int64? {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        let (product, overflow) = (a / x).multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }
}

/// The month, year, day-of-year and week-number filters of a rule in words; each is `nil`
/// when it lets everything through.
enum CalendarFilterPhrase {
    /// `in January, April, July and October`, `in March to October`.
    static func months(_ months: FieldSet) -> String? {
        let selected = months.filter { (1...12).contains($0) }
        guard selected.count < 12 else { return nil }
        guard !selected.isEmpty else { return "in no month" }
        let items = NumberSetShape.runs(selected).flatMap { run -> [String] in
            if run.count >= 3 {
                return ["\(ClockText.monthName(run.lowerBound)) to \(ClockText.monthName(run.upperBound))"]
            }
            return run.map(ClockText.monthName)
        }
        return "in " + EnglishList.joined(items)
    }

    /// `in 2026`, `in the years 2026 to 2028 and 2030`.
    static func years(_ years: YearSet?) -> String? {
        guard let years else { return nil }
        let items = years.ranges.flatMap { range -> [String] in
            if range.count >= 3 { return ["\(range.lowerBound) to \(range.upperBound)"] }
            return range.map(String.init)
        }
        switch items.count {
        case 0: return "in no year"
        case 1: return "in " + items[0]
        default: return "in the years " + EnglishList.joined(items)
        }
    }

    /// `on the 1st and 100th day of the year`, or `if it is the 1st or 100th day of the year` when
    /// it narrows a day selector.
    static func yearDays(_ set: YearDaySet?, narrowing: Bool) -> String? {
        guard let set else { return nil }
        let conjunction = narrowing ? "or" : "and"
        let positives = set.days.filter { $0 > 0 }
        let negatives = set.days.filter { $0 < 0 }.sorted(by: >)
        let noun: String
        if negatives.isEmpty, case .step(let first, let last, let by) = NumberSetShape(positives) {
            noun =
                "every \(EnglishOrdinal.numbered(by)) day of the year from the \(EnglishOrdinal.numbered(first)) to the "
                + EnglishOrdinal.numbered(last)
        } else {
            let items =
                NumberSetShape.items(splitRuns(positives), name: EnglishOrdinal.numbered) + negatives.map(fromEnd)
            noun =
                items.isEmpty
                ? "no day of the year"
                : "the " + EnglishList.joined(items, conjunction: conjunction) + " day of the year"
        }
        return (narrowing ? "if it is " : "on ") + noun
    }

    /// `in week 20 of the year`, `in weeks 1 to 4 and in the last week of the year`, with the
    /// first day of the week when it is not Monday.
    static func weekNumbers(_ set: WeekNumberSet?) -> String? {
        guard let set else { return nil }
        let positives = set.weeks.filter { $0 > 0 }
        let negatives = set.weeks.filter { $0 < 0 }.sorted(by: >)
        var groups: [String] = []
        if !positives.isEmpty {
            let items = NumberSetShape.items(splitRuns(positives)) { String($0) }
            groups.append((positives.count == 1 ? "week " : "weeks ") + EnglishList.joined(items))
        }
        if !negatives.isEmpty {
            groups.append(
                "the " + EnglishList.joined(negatives.map(fromEnd)) + (negatives.count == 1 ? " week" : " weeks"))
        }
        guard !groups.isEmpty else { return "in no week" }
        let start = set.weekStart == .monday ? "" : ", weeks starting \(set.weekStart.name)"
        return "in " + groups.joined(separator: " and in ") + " of the year" + start
    }

    /// `last`, `2nd-to-last`.
    private static func fromEnd(_ value: Int) -> String {
        value == -1 ? "last" : EnglishOrdinal.numbered(-value) + "-to-last"
    }

    /// Runs of three or more, other values single.
    private static func splitRuns(_ values: [Int]) -> [ClosedRange<Int>] {
        NumberSetShape.runs(values.sorted()).flatMap { $0.count >= 3 ? [$0] : $0.map { $0...$0 } }
    }
}

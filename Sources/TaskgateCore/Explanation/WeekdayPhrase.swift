/// Days chosen by weekday (``WeekdaySet``), in words.
///
/// Weekdays are said as ranges when three or more follow each other (`Monday to Friday`),
/// otherwise in the plural (`Tuesdays and Sundays`); ordinal weekdays as `the third Friday`,
/// `the last Monday`, `the 20th Monday of the year`.
enum WeekdayPhrase {
    /// `on Monday to Friday`, `on Fridays and on the first and third Monday`; `on no day` when empty.
    static func phrase(_ set: WeekdaySet) -> String {
        var groups: [String] = []
        if let every = everyWeekday(set) { groups.append(every) }
        groups += ordinals(set, conjunction: "and")
        return groups.isEmpty ? "on no day" : "on " + groups.joined(separator: " and on ")
    }

    /// What a day must be to pass the set, for `… if it is …`: `a Friday`, `a Monday or a
    /// Friday`, `a day from Monday to Friday`, `the first or third Monday`.
    static func predicate(_ set: WeekdaySet) -> String {
        let runs = NumberSetShape.runs(set.everyWeekday.map(\.rawValue))
        let every = runs.flatMap { run -> [String] in
            if run.count >= 3 { return ["a day from \(name(run.lowerBound)) to \(name(run.upperBound))"] }
            return run.map { "a " + name($0) }
        }
        let items = every + ordinals(set, conjunction: "or")
        return items.isEmpty ? "no day" : EnglishList.joined(items, conjunction: "or")
    }

    /// `Monday to Friday`, `Monday to Wednesday and Friday`, `Mondays`, `Tuesdays and Sundays`.
    private static func everyWeekday(_ set: WeekdaySet) -> String? {
        let runs = NumberSetShape.runs(set.everyWeekday.map(\.rawValue))
        guard !runs.isEmpty else { return nil }
        if runs.contains(where: { $0.count >= 3 }) {
            return EnglishList.joined(
                runs.flatMap { $0.count >= 3 ? ["\(name($0.lowerBound)) to \(name($0.upperBound))"] : $0.map(name) })
        }
        return EnglishList.joined(set.everyWeekday.map { $0.name + "s" })
    }

    /// One phrase per weekday that has ordinals: `the first and third Monday`, `the last Friday
    /// of the year`.
    private static func ordinals(_ set: WeekdaySet, conjunction: String) -> [String] {
        let scope = set.ordinalScope == .year ? " of the year" : ""
        return Weekday.allCases.compactMap { weekday in
            let positions = EnglishOrdinal.sortedPositions(set.ordinals.filter { $0.weekday == weekday }.map(\.ordinal))
            guard !positions.isEmpty else { return nil }
            let words = EnglishList.joined(positions.map(EnglishOrdinal.position), conjunction: conjunction)
            return "the \(words) \(weekday.name)\(scope)"
        }
    }

    private static func name(_ rawValue: Int) -> String {
        Weekday(rawValue: rawValue)?.name ?? "day \(rawValue)"
    }
}

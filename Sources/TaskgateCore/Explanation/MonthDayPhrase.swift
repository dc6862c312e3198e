/// Days chosen by their place in the month (``MonthDaySet``), in words.
enum MonthDayPhrase {
    /// `on the 1st and 15th and on the last day of the month`; `on no day` for an empty set.
    static func phrase(_ set: MonthDaySet) -> String {
        let groups = groups(set)
        return groups.isEmpty ? "on no day" : "on " + groups.joined(separator: " and on ")
    }

    /// One noun phrase per kind of term: plain days, days before the last, nearest weekdays.
    static func groups(_ set: MonthDaySet) -> [String] {
        var groups: [String] = []
        if let plain = plainDays(set.plainDays) { groups.append(plain) }
        let fromEnd = set.offsetsFromEnd
        if fromEnd.contains(0) { groups.append("the last day of the month") }
        if let before = daysBeforeLast(fromEnd.filter { $0 > 0 }) { groups.append(before) }
        let nearest = set.nearestWeekdayDays
        if !nearest.isEmpty {
            let noun = nearest.count == 1 ? "the weekday" : "the weekdays"
            groups.append("\(noun) nearest to the " + EnglishList.joined(nearest.map(EnglishOrdinal.numbered)))
        }
        let nearestFromEnd = set.nearestWeekdayOffsetsFromEnd
        if nearestFromEnd.contains(0) { groups.append("the last weekday of the month") }
        let nearestBefore = nearestFromEnd.filter { $0 > 0 }
        if let before = daysBeforeLast(nearestBefore) {
            groups.append((nearestBefore.count == 1 ? "the weekday" : "the weekdays") + " nearest to " + before)
        }
        return groups
    }

    /// `the 1st to 7th, 15th and 20th`, `every 2nd day from the 1st to the 31st`.
    private static func plainDays(_ days: [Int]) -> String? {
        guard !days.isEmpty else { return nil }
        if days.count == 31 { return "every day of the month" }
        switch NumberSetShape(days) {
        case .step(let first, let last, let by):
            return "every \(EnglishOrdinal.numbered(by)) day from the \(EnglishOrdinal.numbered(first)) to the "
                + EnglishOrdinal.numbered(last)
        case .runs(let runs):
            return "the " + EnglishList.joined(NumberSetShape.items(runs, name: EnglishOrdinal.numbered))
        }
    }

    /// `the day before the last day of the month`, `the 3rd day before …`, `the 1st and 3rd days
    /// before …` (Quartz `L-n`: n days before the last day).
    private static func daysBeforeLast(_ offsets: [Int]) -> String? {
        guard !offsets.isEmpty else { return nil }
        if offsets == [1] { return "the day before the last day of the month" }
        let noun = offsets.count == 1 ? "day" : "days"
        return "the " + EnglishList.joined(offsets.map(EnglishOrdinal.numbered))
            + " \(noun) before the last day of the month"
    }
}

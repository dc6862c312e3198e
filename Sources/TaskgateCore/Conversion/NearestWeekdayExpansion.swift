/// Rewrites Quartz's "nearest weekday" terms (`nW`, `LW`, `L-nW`) as unions of rules that select
/// a day by position **and** weekday, which RRULE (and, for plain days, fylr) can hold.
///
/// The weekday nearest to day n depends only on n's weekday and the month's length, so the
/// expansion enumerates those cases: for each month, each length the month can have and each
/// weekday of day n, it finds the day the engine fires on and records an *atom* — months, a day
/// (counted from the start, or from the end for `L-nW`), and that day's weekday. Atoms that
/// differ in one dimension only are merged (a union of two products that differ in one factor is
/// again a product). February's two lengths are told apart, where they matter, by pinning the day
/// twice: by its day of the year and by its distance from the month's end.
///
/// For `15W` the result is the three rules of the issue: day 15 on Monday–Friday, day 14 on
/// Friday, day 16 on Monday. Every expansion is proved by the converter's equivalence check.
enum NearestWeekdayExpansion {
    /// How the target day of a term is counted.
    enum Anchor: Hashable {
        /// Day n of the month (Quartz `nW`).
        case day(Int)
        /// The last day minus n (Quartz `LW` for 0, `L-nW`).
        case fromEnd(Int)
    }

    /// One product of months × days × weekdays.
    struct Atom: Hashable {
        var months: FieldSet
        var days: Set<DayPosition>
        var weekdays: UInt8

        init(months: FieldSet, day: DayPosition, weekdays: UInt8) {
            self.init(months: months, days: [day], weekdays: weekdays)
        }

        init(months: FieldSet, days: Set<DayPosition>, weekdays: UInt8) {
            self.months = months
            self.days = days
            self.weekdays = weekdays
        }

        /// Whether the days can be united with others in one day selector: a February-pinned
        /// day also pins the day of the year, which applies to the whole rule.
        var hasMergeableDays: Bool {
            !days.contains { if case .february = $0 { true } else { false } }
        }
    }

    /// A day counted from the start, or from the end pinned to a February length.
    enum DayPosition: Hashable {
        case plain(Int)
        case fromEnd(Int)
        /// February only: the day of the month `day`, in Februaries of `length` days.
        case february(day: Int, length: Int)
    }

    /// The rules equivalent to `rule`, whose day selector must be `.monthDays` of nearest-weekday
    /// terms only; `nil` for any other rule.
    static func expand(_ rule: ScheduleRule) -> [ScheduleRule]? {
        guard case .monthDays(let set) = rule.days, set.days == 0, set.fromEnd == 0,
            set.nearestWeekday | set.nearestWeekdayFromEnd != 0
        else { return nil }
        var atoms: Set<Atom> = []
        for day in set.nearestWeekdayDays { atoms.formUnion(self.atoms(for: .day(day), months: rule.months)) }
        for offset in set.nearestWeekdayOffsetsFromEnd {
            atoms.formUnion(self.atoms(for: .fromEnd(offset), months: rule.months))
        }
        return merge(atoms).sorted(by: order).map { atom in rule.replacingDays(with: atom) }
    }

    /// The atoms of one term, before merging.
    static func atoms(for anchor: Anchor, months: FieldSet) -> Set<Atom> {
        var byMonth: [Int: Set<Atom>] = [:]
        for month in months where (1...12).contains(month) {
            let lengths = month == 2 ? [28, 29] : [CivilCalendar.daysInMonth(year: 2001, month: month)]
            var perLength: [Int: Set<Atom>] = [:]
            for length in lengths {
                var found: Set<Atom> = []
                for firstWeekday in Weekday.allCases {
                    guard let fired = firedDay(anchor, length: length, firstWeekday: firstWeekday) else { continue }
                    let weekday = Weekday.allCases[(firstWeekday.rawValue - 1 + fired - 1) % 7]
                    found.insert(
                        Atom(
                            months: FieldSet([month]), day: position(fired, anchor: anchor, length: length),
                            weekdays: weekday.bit))
                }
                perLength[length] = found
            }
            if month == 2, perLength[28] != perLength[29] {
                // The two Februaries differ: pin each atom to its length.
                var pinned: Set<Atom> = []
                for (length, found) in perLength {
                    for atom in found {
                        for day in atom.days {
                            pinned.insert(
                                Atom(
                                    months: atom.months,
                                    day: .february(day: dayOfMonth(day, length: length), length: length),
                                    weekdays: atom.weekdays))
                        }
                    }
                }
                byMonth[month] = pinned
            } else {
                byMonth[month] = perLength.values.first ?? []
            }
        }
        return byMonth.values.reduce(into: Set<Atom>()) { $0.formUnion($1) }
    }

    /// The day the engine fires on in a month of `length` days whose 1st is `firstWeekday`.
    private static func firedDay(_ anchor: Anchor, length: Int, firstWeekday: Weekday) -> Int? {
        let target: Int
        switch anchor {
        case .day(let day): target = day
        case .fromEnd(let offset): target = length - offset
        }
        guard (1...length).contains(target) else { return nil }
        let weekday = Weekday.allCases[(firstWeekday.rawValue - 1 + target - 1) % 7]
        switch weekday {
        case .saturday: return target == 1 ? 3 : target - 1
        case .sunday: return target == length ? target - 2 : target + 1
        case .monday, .tuesday, .wednesday, .thursday, .friday: return target
        }
    }

    /// How to write a fired day so that it means the same in every month of the group: from the
    /// end for `L-nW`, otherwise plainly.
    private static func position(_ day: Int, anchor: Anchor, length: Int) -> DayPosition {
        switch anchor {
        case .day: .plain(day)
        case .fromEnd: .fromEnd(length - day)
        }
    }

    private static func dayOfMonth(_ position: DayPosition, length: Int) -> Int {
        switch position {
        case .plain(let day): day
        case .fromEnd(let offset): length - offset
        case .february(let day, _): day
        }
    }

    /// Merges atoms that differ in exactly one of weekdays, months, days, until none do.
    ///
    /// Weekdays merge first, then months, then days, so that the result reads as the issue's
    /// `15W`: day 15 on Monday–Friday rather than days 14 and 15 on Friday.
    static func merge(_ atoms: Set<Atom>) -> Set<Atom> {
        var current = atoms
        var changed = true
        while changed {
            changed = false
            for dimension in [Dimension.weekdays, .months, .days] {
                let merged = merge(current, along: dimension)
                if merged != current {
                    current = merged
                    changed = true
                }
            }
        }
        return current
    }

    private enum Dimension { case weekdays, months, days }

    /// Unites the atoms that differ only along `dimension`: one union per group of atoms that agree
    /// on the other two (the fixed point of merging them a pair at a time).
    private static func merge(_ atoms: Set<Atom>, along dimension: Dimension) -> Set<Atom> {
        var groups: [Atom: Atom] = [:]
        var result: Set<Atom> = []
        for atom in atoms {
            var key = atom
            switch dimension {
            case .weekdays:
                key.weekdays = 0
            case .months:
                key.months = FieldSet(bits: 0)
            case .days:
                guard atom.hasMergeableDays else {
                    result.insert(atom)
                    continue
                }
                key.days = []
            }
            guard var group = groups[key] else {
                groups[key] = atom
                continue
            }
            group.weekdays |= atom.weekdays
            group.months = FieldSet(bits: group.months.bits | atom.months.bits)
            group.days.formUnion(atom.days)
            groups[key] = group
        }
        result.formUnion(groups.values)
        return result
    }

    static func order(_ left: Atom, _ right: Atom) -> Bool {
        let leftKey = left.days.map(sortKey).min() ?? 0
        let rightKey = right.days.map(sortKey).min() ?? 0
        return (leftKey, left.weekdays, left.months.bits) < (rightKey, right.weekdays, right.months.bits)
    }

    private static func sortKey(_ position: DayPosition) -> Int {
        switch position {
        case .plain(let day): day
        case .fromEnd(let offset): 100 + offset
        case .february(let day, let length): 200 + length * 40 + day
        }
    }
}

extension ScheduleRule {
    /// This rule with its months and day selector replaced by one expansion atom.
    fileprivate func replacingDays(with atom: NearestWeekdayExpansion.Atom) -> ScheduleRule {
        var rule = self
        rule.months = FieldSet(bits: months.bits & atom.months.bits)
        let weekdays = WeekdaySet(every: Weekday.allCases.filter { atom.weekdays & $0.bit != 0 })
        var monthDays = MonthDaySet()
        for position in atom.days {
            switch position {
            case .plain(let day):
                monthDays.days |= 1 << UInt32(day)
            case .fromEnd(let offset):
                monthDays.fromEnd |= 1 << UInt32(offset)
            case .february(let day, let length):
                // Day `day` of a February of `length` days: the day of the year fixes the date,
                // the distance from the end fixes the length.
                monthDays.fromEnd |= 1 << UInt32(length - day)
                rule.yearDays = YearDaySet([31 + day])
            }
        }
        rule.days = .both(monthDays, weekdays)
        return rule
    }
}

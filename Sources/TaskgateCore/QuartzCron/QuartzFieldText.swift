/// The normal-form text of one field's values (wyn.md §4.7): `*` for every value, a step only
/// where it reproduces the set exactly (`*/15`, `5/20`), otherwise ascending runs and single
/// values (`1-5,8,10-12`); never a wrapping range.
enum QuartzFieldText {
    /// How values may be written.
    enum Style {
        /// `*`, steps, ranges and lists (Java; Quartz.NET with interval semantics).
        case compact
        /// Plain values and comma lists only: the text Quartz.NET reads as fixed times of day.
        case listsOnly
    }

    /// The text of `values` (ascending, non-empty, inside `range`). Names get no step: Java drops
    /// a step after a name (wyn.md §4.5).
    static func text(
        _ values: [Int], range: ClosedRange<Int>, style: Style, names: ((Int) -> String)? = nil
    ) -> String {
        let name = names ?? { String($0) }
        switch style {
        case .listsOnly:
            return values.map(name).joined(separator: ",")
        case .compact:
            if values.count == range.count { return "*" }
            if names == nil, let step = fullStep(values, range: range) {
                return (values[0] == range.lowerBound ? "*" : name(values[0])) + "/\(step)"
            }
            return runs(values).map { run in
                run.count >= 3
                    ? "\(name(run.lowerBound))-\(name(run.upperBound))" : run.map(name).joined(separator: ",")
            }.joined(separator: ",")
        }
    }

    /// The step `n` when `values` are exactly `a, a+n, …` up to the end of the range, with at least
    /// three values and n ≥ 2 (Java's `a/n` adds values up to the field's maximum).
    static func fullStep(_ values: [Int], range: ClosedRange<Int>) -> Int? {
        guard values.count >= 3 else { return nil }
        let step = values[1] - values[0]
        guard step >= 2 else { return nil }
        for index in 1..<values.count where values[index] - values[index - 1] != step { return nil }
        guard let last = values.last, last + step > range.upperBound else { return nil }
        return step
    }

    /// Maximal runs of consecutive values.
    static func runs(_ values: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for value in values {
            if let last = result.last, last.upperBound + 1 == value {
                result[result.count - 1] = last.lowerBound...value
            } else {
                result.append(value...value)
            }
        }
        return result
    }

    /// Quartz's weekday names, by Quartz number (1 = SUN … 7 = SAT).
    static func weekdayName(_ quartzNumber: Int) -> String {
        let names = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        return names.indices.contains(quartzNumber - 1) ? names[quartzNumber - 1] : String(quartzNumber)
    }
}

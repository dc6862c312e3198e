/// The normal-form text of one crontab field for a set of values.
///
/// Normal form: `*` for every value, `*/n` when the set (of three or more values) is exactly
/// what `*/n` selects, `a-b/n`
/// for one arithmetic run of three or more values, otherwise a comma list in which runs of three
/// or more consecutive values are ranges (`1-5,9`). Day-of-week values are printed 0–6.
///
/// Whether the text may start with `*` is the caller's decision, because in Debian cron a
/// leading `*` changes meaning: on the day fields it turns OR into AND, on the minute and hour
/// fields it makes the line a wildcard job with another DST behaviour.
enum UnixCronFieldText {
    /// The text of `values` in `field`; with `allowStar` false the text never starts with `*`.
    static func text(_ values: Set<Int>, in field: UnixCronField, allowStar: Bool) -> String {
        let range = field.printedRange
        let sorted = values.sorted()
        // One or two values read better as numbers than as the `*/n` that happens to select them.
        if allowStar, values.count > 2, let step = exactStarStep(values, in: field) {
            return step == 1 ? "*" : "*/\(step)"
        }
        if sorted.count >= 3 {
            let difference = sorted[1] - sorted[0]
            let isArithmetic = zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 == difference }
            if isArithmetic {
                let run = "\(sorted[0])-\(sorted[sorted.count - 1])"
                return difference == 1 ? run : "\(run)/\(difference)"
            }
        }
        if sorted.count == range.count { return "\(range.lowerBound)-\(range.upperBound)" }
        return list(sorted)
    }

    /// A text starting with `*` that selects exactly `values`, or `nil` when none exists (every
    /// such text selects the field's first value: minute 0, hour 0, day 1, January, Sunday).
    ///
    /// The smallest `*/n` inside the set comes first and the rest follows as a list: minutes
    /// {0, 30, 45} are `*/30,45`, hour {0} alone is `*/24`.
    static func starText(_ values: Set<Int>, in field: UnixCronField) -> String? {
        if let step = exactStarStep(values, in: field) {
            return step == 1 ? "*" : "*/\(step)"
        }
        let span = field.range.upperBound - field.range.lowerBound + 1
        for step in 2...span {
            let covered = field.starStep(step)
            guard covered.isSubset(of: values) else { continue }
            let rest = values.subtracting(covered)
            return "*/\(step)," + text(rest, in: field, allowStar: false)
        }
        return nil
    }

    /// The step `n` for which `*/n` selects exactly `values` (1 for `*`), if any.
    static func exactStarStep(_ values: Set<Int>, in field: UnixCronField) -> Int? {
        let span = field.range.upperBound - field.range.lowerBound + 1
        guard !values.isEmpty else { return nil }
        for step in 1...span where field.starStep(step) == values {
            return step
        }
        return nil
    }

    /// `0,5,10-20`: ascending values with runs of three or more as ranges.
    private static func list(_ sorted: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(sorted[index])-\(sorted[end])")
            } else {
                parts.append(contentsOf: sorted[index...end].map(String.init))
            }
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

/// How a set of whole numbers is said in few words: one step that reproduces the set exactly
/// (`every 3rd hour from 0 to 21`), or runs of consecutive values (`9 to 17`) and single values.
enum NumberSetShape: Hashable, Sendable {
    /// Four or more values, `first`, `first + by`, … `last`, with `by` ≥ 2.
    case step(first: Int, last: Int, by: Int)
    /// Ascending, disjoint runs; a run holds one value or three or more (two neighbours are
    /// two single values: `9 and 10`, not `9 to 10`).
    case runs([ClosedRange<Int>])

    /// The shape of a set of values (in any order, repeats ignored).
    init(_ values: some Sequence<Int>) {
        let sorted = Array(Set(values)).sorted()
        // Three values read better as a list (`0, 25 and 50`) than as a step.
        if sorted.count >= 4 {
            let by = sorted[1] - sorted[0]
            if by >= 2, zip(sorted, sorted.dropFirst()).allSatisfy({ $1 - $0 == by }) {
                self = .step(first: sorted[0], last: sorted[sorted.count - 1], by: by)
                return
            }
        }
        self = .runs(
            Self.runs(sorted).flatMap {
                $0.count == 2 ? [$0.lowerBound...$0.lowerBound, $0.upperBound...$0.upperBound] : [$0]
            })
    }

    /// The maximal runs of consecutive values in an ascending list.
    static func runs(_ sorted: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for value in sorted {
            if let last = runs.last, last.upperBound + 1 == value {
                runs[runs.count - 1] = last.lowerBound...value
            } else {
                runs.append(value...value)
            }
        }
        return runs
    }

    /// The runs written with `name` for each value: `["9 to 17", "20"]`.
    static func items(_ runs: [ClosedRange<Int>], name: (Int) -> String) -> [String] {
        runs.map { $0.count == 1 ? name($0.lowerBound) : "\(name($0.lowerBound)) to \(name($0.upperBound))" }
    }

    /// A set of clock-field values as a noun phrase: `minute 5`, `hours 9 to 17`,
    /// `minutes 0, 25 and 50`, `every 7th minute from 0 to 56`.
    static func fieldPhrase(_ values: some Sequence<Int>, singular: String, plural: String) -> String {
        switch NumberSetShape(values) {
        case .step(let first, let last, let by):
            return "every \(EnglishOrdinal.numbered(by)) \(singular) from \(first) to \(last)"
        case .runs(let runs):
            if runs.isEmpty { return "no \(singular)" }
            if runs.count == 1, runs[0].count == 1 { return "\(singular) \(runs[0].lowerBound)" }
            return "\(plural) " + EnglishList.joined(items(runs) { String($0) })
        }
    }
}

/// One item of a Quartz year field as Java stores it: the years `start`, `start + step`, … up to
/// `stop`. Java expands every year into a set; taskgate keeps the progression and expands only
/// the years the engine can reach, so that `1970-9000000` costs nothing.
struct QuartzYearTerm: Hashable, Sendable {
    var start: Int
    var stop: Int
    var step: Int

    /// A single year.
    init(year: Int) {
        start = year
        stop = year
        step = 1
    }

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = max(step, 1)
    }

    /// The number of years Java adds to its set for this item.
    var count: Int {
        stop < start ? 0 : (stop - start) / step + 1
    }

    /// The years of the progression inside `range` as ranges: one for a step of 1 (`1970-2099` is one
    /// range, not 130 years), else one per year.
    func ranges(in range: ClosedRange<Int>) -> [ClosedRange<Int>] {
        guard step == 1 else { return years(in: range).map { $0...$0 } }
        let lower = max(start, range.lowerBound)
        let upper = min(stop, range.upperBound)
        return lower <= upper ? [lower...upper] : []
    }

    /// The years of the progression inside `range`, ascending.
    func years(in range: ClosedRange<Int>) -> [Int] {
        let upper = min(stop, range.upperBound)
        var year = start
        if year < range.lowerBound {
            let skipped = (range.lowerBound - year + step - 1) / step
            year += skipped * step
        }
        var result: [Int] = []
        while year <= upper {
            result.append(year)
            year += step
        }
        return result
    }
}

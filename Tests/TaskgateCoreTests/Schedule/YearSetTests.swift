import TaskgateTestSupport
import Testing

@testable import TaskgateCore

/// `YearSet(ranges:)` merges ranges into the very set that listing every year gives, and the Quartz year
/// field's progressions give the same ranges as their years.
@Suite("YearSet")
struct YearSetTests {
    @Test func mergedRangesAreTheSetOfTheirYears() {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let ranges = (0..<Int.random(in: 0...6, using: &generator)).map { _ -> ClosedRange<Int> in
                let lower = Int.random(in: 1960...2140, using: &generator)
                return lower...(lower + Int.random(in: 0...12, using: &generator))
            }
            let merged = YearSet(ranges: ranges)
            #expect(merged == YearSet(ranges.flatMap { Array($0) }), "\(ranges)")
        }
    }

    @Test func touchingAndNestedRangesBecomeOne() {
        #expect(YearSet(ranges: [2030...2031, 2026...2028, 2029...2029, 2027...2027]).ranges == [2026...2031])
        #expect(YearSet(ranges: [2026...2026, 2028...2028]).description == "2026,2028")
        #expect(YearSet(ranges: []).isEmpty)
        // The ends of Int do not overflow.
        #expect(YearSet(ranges: [.min ... -5, (.max - 1)...(.max), -4...0]).ranges == [.min...0, (.max - 1)...(.max)])
        #expect(YearSet([Int.max, Int.max - 1, Int.min]).ranges == [.min ... .min, (.max - 1)...(.max)])
    }

    @Test func quartzYearTermsGiveTheRangesOfTheirYears() {
        let reachable = 1...2126
        let terms = [
            QuartzYearTerm(start: 1970, stop: 2099, step: 1), QuartzYearTerm(start: 2000, stop: 9_000_000, step: 1),
            QuartzYearTerm(start: 2026, stop: 2140, step: 7), QuartzYearTerm(year: 2200), QuartzYearTerm(year: 0),
            QuartzYearTerm(start: 2100, stop: 2050, step: 1), QuartzYearTerm(start: -5, stop: 3, step: 2),
        ]
        for term in terms {
            #expect(
                YearSet(ranges: term.ranges(in: reachable)) == YearSet(term.years(in: reachable)), "\(term)")
        }
    }
}

import Testing

@testable import TaskgateCore

@Suite struct QuartzFieldTextTests {
    @Test(arguments: [
        ([0, 15, 30, 45], 0...59, "*/15"), ([5, 25, 45], 0...59, "5/20"), ([1, 2, 3, 7, 9, 10], 0...59, "1-3,7,9,10"),
        (Array(0...23), 0...23, "*"), ([0, 30], 0...59, "0,30"), ([10, 20, 30], 0...59, "10,20,30"),
    ])
    func writesStepsOnlyWhereTheyAreExact(values: [Int], range: ClosedRange<Int>, text: String) {
        // `10,20,30` stops before 59, so the step `10/10` would add 40 and 50: a list it is.
        #expect(QuartzFieldText.text(values, range: range, style: .compact) == text)
    }

    @Test func writesListsOnlyForFixedTimes() {
        #expect(QuartzFieldText.text([0, 1, 2], range: 0...59, style: .listsOnly) == "0,1,2")
    }

    @Test func writesWeekdayNamesWithoutSteps() {
        let text = QuartzFieldText.text(
            [1, 3, 5, 7], range: 1...7, style: .compact, names: QuartzFieldText.weekdayName)
        #expect(text == "SUN,TUE,THU,SAT")
    }
}

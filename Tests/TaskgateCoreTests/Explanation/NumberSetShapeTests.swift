import Testing

@testable import TaskgateCore

@Suite struct NumberSetShapeTests {
    @Test(arguments: [
        ([9, 10, 11, 12, 13], NumberSetShape.runs([9...13])),
        ([9, 10], .runs([9...9, 10...10])),
        ([0, 25, 50], .runs([0...0, 25...25, 50...50])),
        ([0, 15, 30, 45], .step(first: 0, last: 45, by: 15)),
        ([14, 1, 2, 3, 20, 21], .runs([1...3, 14...14, 20...20, 21...21])),
        ([], .runs([])),
    ])
    func findsRunsOrOneExactStep(values: [Int], expected: NumberSetShape) {
        #expect(NumberSetShape(values) == expected)
    }

    @Test(arguments: [
        ([5], "minute 5"),
        ([9, 10, 11, 12, 13, 14, 15, 16, 17], "minutes 9 to 17"),
        ([0, 25, 50], "minutes 0, 25 and 50"),
        ([3, 8, 13, 18], "every 5th minute from 3 to 18"),
        ([], "no minute"),
    ])
    func saysAClockField(values: [Int], expected: String) {
        #expect(NumberSetShape.fieldPhrase(values, singular: "minute", plural: "minutes") == expected)
    }
}

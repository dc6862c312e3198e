import Testing

@testable import TaskgateCore

@Suite struct UnixCronFieldTextTests {
    @Test(arguments: [
        (Set(0...59), UnixCronField.minute, true, "*"),
        (Set(0...59), .minute, false, "0-59"),
        (Set([0, 20, 40]), .minute, true, "*/20"),
        (Set([0, 20, 40]), .minute, false, "0-40/20"),
        (Set([0]), .minute, true, "0"),
        (Set([5, 6]), .minute, true, "5,6"),
        (Set([1, 2, 3, 7, 9, 10, 11]), .dayOfMonth, true, "1-3,7,9-11"),
        (Set([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31]), .dayOfMonth, true, "*/2"),
        (Set([0, 2, 4, 6]), .dayOfWeek, true, "*/2"),
        (Set([0, 2, 4, 6]), .dayOfWeek, false, "0-6/2"),
        (Set(0...6), .dayOfWeek, true, "*"),
        (Set(0...6), .dayOfWeek, false, "0-6"),
        (Set([1, 4, 7, 10]), .month, true, "*/3"),
    ])
    func writesNormalForm(values: Set<Int>, field: UnixCronField, allowStar: Bool, text: String) {
        #expect(UnixCronFieldText.text(values, in: field, allowStar: allowStar) == text)
    }

    @Test(arguments: [
        (Set([0]), UnixCronField.minute, "*/60"),
        (Set([0, 30, 45]), .minute, "*/30,45"),
        (Set([0, 5]), .hour, "*/24,5"),
        (Set([0, 1]), .dayOfWeek, "*/7,1"),
        (Set([1]), .dayOfMonth, "*/31"),
    ])
    func writesAStarredTextWhenTheFirstValueIsIn(values: Set<Int>, field: UnixCronField, text: String) {
        #expect(UnixCronFieldText.starText(values, in: field) == text)
    }

    @Test func hasNoStarredTextWithoutTheFirstValue() {
        #expect(UnixCronFieldText.starText([30], in: .minute) == nil)
        #expect(UnixCronFieldText.starText([1, 2], in: .dayOfWeek) == nil)
    }
}

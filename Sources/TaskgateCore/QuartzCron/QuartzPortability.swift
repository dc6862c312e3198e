/// The checks of the `quartz-net` dialect: Wyn runs an unknown Quartz.NET version, so an
/// expression is read only when every version reads it the same way (wyn.md §4.6, §10 H10).
///
/// Two passes: the constructs whose meaning changed between versions are refused first, with
/// the versions named; after the Java-compatible reading has accepted the expression, every item
/// must also be in the strict grammar of wyn.md §4.1, since Quartz.NET 3.19 and main reject what
/// Java and older versions silently ignore (`5X`, `?X`, `MONDAY`, `*/-5`, `99`).
enum QuartzPortability {
    private static let suffix = " is not portable across Quartz.NET versions"

    /// Refuses the constructs listed in wyn.md §4.6: more than 7 fields, `H`, `L` or `W` in a
    /// day-of-month list, and a step after a name (`DAY/n`).
    static func checkVersionConstructs(_ tokens: [Range<Int>], in units: [UInt16]) throws(QuartzProblem) {
        if tokens.count > 7 {
            throw QuartzProblem(
                nil, at: tokens[7].lowerBound..<(tokens.last ?? tokens[7]).upperBound,
                "a field after the 7th\(suffix) (main rejects it, 3.x and Java ignore it)")
        }
        for (index, token) in tokens.enumerated() {
            guard let field = QuartzField(rawValue: index + 1) else { break }
            let items = QuartzJavaReader.split(units[token], in: token, at: { $0 == QuartzCharacter.comma })
            for span in items {
                let item = QuartzItem(text: units, span: span)
                if item[0] == 0x48 {
                    throw QuartzProblem(field, at: span, "'H' (a hashed value)\(suffix) (only 3.19 and main accept it)")
                }
                if field.acceptsNames, item.count > 3, QuartzCharacter.isUpperLetter(item[0]),
                    item[3] == QuartzCharacter.slash
                {
                    throw QuartzProblem(
                        field, at: span,
                        field == .dayOfWeek
                            ? "a step after a name\(suffix) (3.1 and later read DAY/n as every n-th week; Java and older "
                                + "versions drop the step)"
                            : "a step after a name\(suffix) (Java and Quartz.NET 3.x drop it without a word); expected "
                                + "numbers, as in 1/3")
                }
            }
            if field == .dayOfMonth, items.count == 1, let problem = lateWeekday(QuartzItem(text: units, span: token)) {
                throw QuartzProblem(field, at: token, problem)
            }
            if field == .dayOfMonth, items.count > 1 {
                if units[token].contains(QuartzCharacter.letterL) {
                    throw QuartzProblem(
                        field, at: token,
                        "'L' together with other days\(suffix) (3.19 and main accept it, older versions reject it)")
                }
                if units[token].contains(QuartzCharacter.letterW) {
                    throw QuartzProblem(
                        field, at: token,
                        "'W' in a list\(suffix) (main shifts each day, older versions and Java use only the first)")
                }
            }
        }
    }

    /// `dW` with d > 28 and `L-nW` with n > 27 name a day some months lack: Quartz.NET main moves
    /// it to the month's last day (`ResolveNearestWeekday` clamps), Java and the versions ported
    /// from it skip the month, fire on a Friday the 30th (`31W`) or loop forever (`L-28W`).
    private static func lateWeekday(_ item: QuartzItem) -> String? {
        guard item.count >= 2, item[item.count - 1] == QuartzCharacter.letterW else { return nil }
        if item[0] == QuartzCharacter.letterL {
            guard item.count > 3, item[1] == QuartzCharacter.hyphen else { return nil }
            let (offset, end) = QuartzJavaReader.digitRun(item, from: 2)
            guard end == item.count - 1, let offset, offset > 27 else { return nil }
            return "'L-\(offset)W' names a day some months lack, which\(suffix) (main moves it into the month, "
                + "older versions skip the month or never return); expected L-nW with n 0-27"
        }
        let (day, end) = QuartzJavaReader.digitRun(item, from: 0)
        guard end == item.count - 1, let day, day > 28, day <= 31 else { return nil }
        return "'\(day)W' names a day some months lack, which\(suffix) (main moves it to the month's last day, older "
            + "versions skip the month); expected a day 1-28 before 'W'"
    }

    /// Requires every item of an accepted expression to be in the strict grammar, and every year
    /// inside 1970…`capYear` (Quartz.NET 3.19 and main reject the others; older versions accept
    /// them and never fire).
    static func checkStrictGrammar(_ tokens: [Range<Int>], in units: [UInt16], capYear: Int) throws(QuartzProblem) {
        for (index, token) in tokens.prefix(7).enumerated() {
            guard let field = QuartzField(rawValue: index + 1) else { break }
            if units[token].first == QuartzCharacter.comma || units[token].last == QuartzCharacter.comma
                || units[token].indices.dropFirst().contains(where: {
                    units[$0] == QuartzCharacter.comma && units[$0 - 1] == QuartzCharacter.comma
                })
            {
                throw QuartzProblem(field, at: token, "an empty list item\(suffix); expected \(field.expectedValues)")
            }
            for span in QuartzJavaReader.split(units[token], in: token, at: { $0 == QuartzCharacter.comma }) {
                let item = QuartzItem(text: units, span: span)
                var grammar = StrictItem(item: item, field: field, capYear: capYear)
                if let problem = grammar.problem() {
                    throw QuartzProblem(field, at: span, problem)
                }
            }
        }
    }
}

/// The strict grammar of one item (wyn.md §4.1), read left to right to its end.
private struct StrictItem {
    let item: QuartzItem
    let field: QuartzField
    let capYear: Int
    var position = 0

    init(item: QuartzItem, field: QuartzField, capYear: Int) {
        self.item = item
        self.field = field
        self.capYear = capYear
    }

    private static let notPortable = "not portable across Quartz.NET versions"

    /// Why the item is outside the strict grammar, or `nil` when it is inside.
    mutating func problem() -> String? {
        if item.equals("*") || ((field == .dayOfMonth || field == .dayOfWeek) && item.equals("?")) { return nil }
        if item[0] == QuartzCharacter.asterisk || item[0] == QuartzCharacter.slash {
            guard item.count >= 3, item[0] == QuartzCharacter.asterisk, item[1] == QuartzCharacter.slash else {
                return trailing("expected '*' or '*/n'")
            }
            position = 2
            return step()
        }
        if field == .dayOfMonth, item[0] == QuartzCharacter.letterL {
            return lastDay()
        }
        if field == .dayOfWeek, item.equals("L") { return nil }
        guard let first = value() else {
            guard QuartzCharacter.isDigit(item[0]) else { return trailing("expected \(field.expectedValues)") }
            return "\(Self.notPortable): each version reads a value outside \(range) differently; expected \(range)"
        }
        if atEnd { return nil }
        switch item[position] {
        case QuartzCharacter.letterW where field == .dayOfMonth && first.isNumber:
            position += 1
        case QuartzCharacter.letterL where field == .dayOfWeek:
            position += 1
        case QuartzCharacter.hash where field == .dayOfWeek:
            position += 1
            guard let count = number(), (1...5).contains(count) else {
                return trailing("expected a number 1-5 after '#'")
            }
        case QuartzCharacter.hyphen:
            position += 1
            guard let last = value(), last.isNumber == first.isNumber else {
                return trailing("expected a range of \(field.expectedValues)")
            }
            if !atEnd, item[position] == QuartzCharacter.slash, first.isNumber {
                position += 1
                return step()
            }
        case QuartzCharacter.slash where first.isNumber:
            position += 1
            return step()
        default:
            break
        }
        return atEnd ? nil : trailing("expected \(field.expectedValues)")
    }

    private var atEnd: Bool { position >= item.count }

    private var range: String {
        switch field {
        case .year: "1970-\(capYear)"
        case .seconds, .minutes, .hours, .dayOfMonth, .month, .dayOfWeek: field.expectedValues
        }
    }

    private func trailing(_ expectation: String) -> String {
        "\(Self.notPortable): Java and Quartz.NET before 3.19 ignore what they cannot read, 3.19 and main reject it; "
            + expectation
    }

    /// `L`, `L-n`, `LW`, `L-nW` with n 0…30.
    private mutating func lastDay() -> String? {
        position = 1
        if !atEnd, item[position] == QuartzCharacter.hyphen {
            position += 1
            guard let offset = number(), offset <= 30 else { return trailing("expected L-n with n 0-30") }
        }
        if !atEnd, item[position] == QuartzCharacter.letterW { position += 1 }
        return atEnd ? nil : trailing("expected L, L-n, LW or L-nW")
    }

    /// A step 1…field maximum that ends the item.
    private mutating func step() -> String? {
        guard let step = number(), step >= 1, step <= (field.maximum ?? Int(Int32.max)), atEnd else {
            return trailing("expected a step 1-\(field.maximum.map(String.init) ?? "n") after '/'")
        }
        return nil
    }

    private struct Value {
        var value: Int
        var isNumber: Bool
    }

    /// A number inside the field's range, or a name where the field has names.
    private mutating func value() -> Value? {
        if let number = number() {
            let lower = field == .year ? 1970 : field.minimum
            let upper = field.maximum ?? capYear
            // Not `lower...upper`: a reference before 1870 makes the cap year fall below 1970.
            return number >= lower && number <= upper ? Value(value: number, isNumber: true) : nil
        }
        guard field.acceptsNames, position + 3 <= item.count else { return nil }
        let names =
            field == .month
            ? ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
            : ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        let letters = (0..<3).map { item[position + $0] }
        guard let index = names.firstIndex(where: { $0.utf16.elementsEqual(letters) }) else { return nil }
        position += 3
        return Value(value: index + 1, isNumber: false)
    }

    /// ASCII digits, within `Int32`.
    private mutating func number() -> Int? {
        let (value, end) = QuartzJavaReader.digitRun(item, from: position)
        guard end > position else { return nil }
        position = end
        return value
    }
}

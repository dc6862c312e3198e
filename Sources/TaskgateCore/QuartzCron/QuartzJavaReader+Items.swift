/// Reading one comma-separated item, as Java's `storeExpressionVals` and `checkNext` do.
extension QuartzJavaReader {
    /// Reads one item into the state.
    mutating func readItem(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        let first = item[0]
        if QuartzCharacter.isUpperLetter(first), !Self.isLastDayForm(item) {
            try readName(item, field: field)
            return
        }
        switch first {
        case QuartzCharacter.question:
            try readNoSpecification(item, field: field)
        case QuartzCharacter.asterisk, QuartzCharacter.slash:
            try readEvery(item, field: field)
        case QuartzCharacter.letterL:
            try readLast(item, field: field)
        case QuartzCharacter.digitZero...QuartzCharacter.digitNine:
            try readNumber(item, field: field)
        default:
            throw QuartzProblem(
                field, at: item.span,
                "unexpected character '\(Self.describe(first))'; expected \(field.expectedValues), '*' or '?'")
        }
    }

    /// `L`, `LW` and `L-` followed by digits and an optional `W`: the forms Java reads as "last"
    /// rather than as a name (its regular expression `^L-[0-9]*[W]?`).
    static func isLastDayForm(_ item: QuartzItem) -> Bool {
        if item.equals("L") || item.equals("LW") { return true }
        guard item.count >= 2, item[0] == QuartzCharacter.letterL, item[1] == QuartzCharacter.hyphen else {
            return false
        }
        var index = 2
        while index < item.count, QuartzCharacter.isDigit(item[index]) { index += 1 }
        if index < item.count, item[index] == QuartzCharacter.letterW { index += 1 }
        return index == item.count
    }

    // MARK: Names

    /// `JAN`, `JAN-MAR`, `MON`, `MON-FRI`, `FRI#3`, `FRIL`; Java reads three letters and the one
    /// character after them, and ignores the rest.
    private mutating func readName(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        guard field.acceptsNames else {
            let reason: String
            switch (field, item[0]) {
            case (.dayOfMonth, QuartzCharacter.letterL): reason = "expected L, L-n, LW or L-nW"
            case (.dayOfMonth, QuartzCharacter.letterW): reason = "'W' needs a day before it (15W) or an 'L' (LW)"
            default: reason = "expected \(field.expectedValues); names are only allowed in month and day-of-week"
            }
            throw QuartzProblem(field, at: item.span, reason)
        }
        guard item.count >= 3, let value = Self.nameValue(item, from: 0, field: field) else {
            throw QuartzProblem(
                field, at: item.span, "not a \(Self.nameKind(field)) name; expected \(field.expectedValues)")
        }
        var end: Int?
        if item.count > 3 {
            switch item[3] {
            case QuartzCharacter.hyphen:
                guard item.count >= 7, let last = Self.nameValue(item, from: 4, field: field) else {
                    throw QuartzProblem(
                        field, at: item.span,
                        "a range that starts with a name must end with a \(Self.nameKind(field)) name, "
                            + (field == .month ? "as in JAN-MAR" : "as in MON-FRI"))
                }
                end = last
            case QuartzCharacter.hash where field == .dayOfWeek:
                guard let count = Self.javaInteger(item, from: 4), (1...5).contains(count) else {
                    throw QuartzProblem(field, at: item.span, "'#' must be followed by a number 1-5")
                }
                state.nthDayOfWeek = count
            case QuartzCharacter.letterL where field == .dayOfWeek:
                state.lastDayOfWeek = true
            default:
                break
            }
        }
        try addValues(value, end: end, step: end == nil ? 0 : 1, field: field, at: item.span)
    }

    private static func nameKind(_ field: QuartzField) -> String {
        field == .month ? "month" : "weekday"
    }

    /// The number of the three-letter name at `offset`: months 1–12, weekdays 1 (SUN) – 7 (SAT).
    private static func nameValue(_ item: QuartzItem, from offset: Int, field: QuartzField) -> Int? {
        guard offset + 3 <= item.count else { return nil }
        let letters = (0..<3).map { item[offset + $0] }
        let names =
            field == .month
            ? ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
            : ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        guard let index = names.firstIndex(where: { $0.utf16.elementsEqual(letters) }) else { return nil }
        return index + 1
    }

    // MARK: Specials

    /// `?`; Java allows one character after it (`?X` reads as `?`).
    private mutating func readNoSpecification(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        guard item.count < 3 else {
            throw QuartzProblem(field, at: item.span, "'?' must stand alone")
        }
        guard field == .dayOfMonth || field == .dayOfWeek else {
            throw QuartzProblem(field, at: item.span, "'?' is only allowed in day-of-month or day-of-week")
        }
        if field == .dayOfWeek, !state.lastDayOfMonth {
            guard let last = state[.dayOfMonth].last else {
                throw QuartzProblem(
                    .dayOfMonth, at: state.fieldSpans[.dayOfMonth] ?? item.span,
                    "has no value; expected \(QuartzField.dayOfMonth.expectedValues), '*', '?' or an 'L' form")
            }
            if last == QuartzValueSet.noSpecMarker {
                throw QuartzProblem(
                    field, at: item.span, "day-of-month is '?' too; exactly one of the two day fields must be '?'")
            }
        }
        try addValues(QuartzValueSet.noSpecMarker, end: nil, step: 0, field: field, at: item.span)
    }

    /// `*`, `*/n` and `/n`. Java reads the step with `Integer.parseInt`, so a sign is allowed, and
    /// a step of 0 or below means every value.
    private mutating func readEvery(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        let all = QuartzValueSet.allSpecMarker
        if item[0] == QuartzCharacter.asterisk, item.count == 1 {
            try addValues(all, end: nil, step: 0, field: field, at: item.span)
            return
        }
        if item[0] == QuartzCharacter.slash, item.count == 1 {
            throw QuartzProblem(field, at: item.span, "'/' must be followed by a step")
        }
        let index = item[0] == QuartzCharacter.asterisk ? 1 : 0
        guard item[index] == QuartzCharacter.slash else {
            // Java ignores what follows a `*` that is not a step (`*X` reads as every value).
            try addValues(all, end: nil, step: 1, field: field, at: item.span)
            return
        }
        guard index + 1 < item.count else {
            throw QuartzProblem(field, at: item.span, "'/' must be followed by a step")
        }
        guard let step = Self.javaInteger(item, from: index + 1) else {
            throw QuartzProblem(field, at: item.span, "expected a whole number after '/'")
        }
        try checkStep(step, field: field, at: item.span)
        try addValues(all, end: nil, step: step, field: field, at: item.span)
    }

    /// `L` (day-of-month: last day; day-of-week: Saturday), `L-n`, `LW`, `L-nW`. Java ignores `L`
    /// in the other fields, and reads `LW` and `L-n` in day-of-week as plain `L`.
    private mutating func readLast(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        switch field {
        case .dayOfMonth:
            state.lastDayOfMonth = true
        case .dayOfWeek:
            try addValues(7, end: 7, step: 0, field: field, at: item.span)
            return
        case .seconds, .minutes, .hours, .month, .year:
            return
        }
        guard item.count > 1 else { return }
        var index = 1
        if item[1] == QuartzCharacter.hyphen {
            guard item.count > 2 else {
                throw QuartzProblem(field, at: item.span, "'L-' must be followed by an offset 0-30")
            }
            let (offset, end) = Self.digitRun(item, from: 2)
            guard let offset, offset <= 30 else {
                throw QuartzProblem(field, at: item.span, "the offset after 'L-' must be 0-30")
            }
            state.lastDayOffset = offset
            index = end
        }
        if index < item.count, item[index] == QuartzCharacter.letterW {
            state.nearestWeekday = true
            state.nearestWeekdaySpan = item.span
        }
    }

    // MARK: Numbers

    /// A number, and what follows it: `L`, `W`, `#k`, `-end[/step]`, `/step`; anything else
    /// after the number is ignored, as Java does.
    private mutating func readNumber(_ item: QuartzItem, field: QuartzField) throws(QuartzProblem) {
        let (read, next) = Self.digitRun(item, from: 0)
        guard let value = read else {
            throw QuartzProblem(field, at: item.span, "the number is too large; expected \(field.expectedValues)")
        }
        guard next < item.count else {
            try addValues(value, end: nil, step: -1, field: field, at: item.span)
            return
        }
        switch item[next] {
        case QuartzCharacter.letterL:
            guard field == .dayOfWeek else {
                throw QuartzProblem(
                    field, at: item.span,
                    "'L' after a number is only allowed in day-of-week (nL: the last such weekday)")
            }
            guard (1...7).contains(value) else {
                throw QuartzProblem(field, at: item.span, "expected a weekday 1-7 before 'L'")
            }
            state.lastDayOfWeek = true
            state[field].insert(value)
        case QuartzCharacter.letterW:
            guard field == .dayOfMonth else {
                throw QuartzProblem(
                    field, at: item.span, "'W' is only allowed in day-of-month (nW: the weekday nearest day n)")
            }
            guard value <= 31 else {
                throw QuartzProblem(field, at: item.span, "expected a day 1-31 before 'W'")
            }
            state.nearestWeekday = true
            state.nearestWeekdaySpan = item.span
            state[field].insert(value)
        case QuartzCharacter.hash:
            guard field == .dayOfWeek else {
                throw QuartzProblem(
                    field, at: item.span, "'#' is only allowed in day-of-week (n#k: the k-th such weekday)")
            }
            guard let count = Self.javaInteger(item, from: next + 1), (1...5).contains(count) else {
                throw QuartzProblem(field, at: item.span, "'#' must be followed by a number 1-5")
            }
            state.nthDayOfWeek = count
            // Java stores the weekday without checking it (`8#2` never fires, `0#2` is Saturday).
            state[field].insert(value)
        case QuartzCharacter.hyphen:
            try readRange(item, from: value, hyphen: next, field: field)
        case QuartzCharacter.slash:
            try readStep(item, from: value, slash: next, field: field)
        default:
            try addValues(value, end: nil, step: 0, field: field, at: item.span)
        }
    }

    /// `start-end` and `start-end/step`. Java checks no step here (`1-7/8` is just 1) and ignores
    /// anything after the range or its step.
    private mutating func readRange(
        _ item: QuartzItem, from start: Int, hyphen: Int, field: QuartzField
    )
        throws(QuartzProblem)
    {
        let endIndex = hyphen + 1
        guard endIndex < item.count, QuartzCharacter.isDigit(item[endIndex]) else {
            let hint = field.acceptsNames ? "; a range must not mix numbers and names" : ""
            throw QuartzProblem(field, at: item.span, "'-' must be followed by a number\(hint)")
        }
        let (readEnd, afterEnd) = Self.digitRun(item, from: endIndex)
        guard let end = readEnd else {
            throw QuartzProblem(field, at: item.span, "the number is too large; expected \(field.expectedValues)")
        }
        guard afterEnd < item.count, item[afterEnd] == QuartzCharacter.slash else {
            try addValues(start, end: end, step: 1, field: field, at: item.span)
            return
        }
        let stepIndex = afterEnd + 1
        guard stepIndex < item.count, QuartzCharacter.isDigit(item[stepIndex]) else {
            throw QuartzProblem(field, at: item.span, "'/' must be followed by a step")
        }
        let (step, _) = Self.digitRun(item, from: stepIndex)
        guard let step else {
            throw QuartzProblem(field, at: item.span, "the step is too large")
        }
        try addValues(start, end: end, step: step, field: field, at: item.span)
    }

    /// `start/step`: Java checks the step, and rejects a character right after a one-digit step
    /// but ignores anything after a longer one (`5/1X` fails, `5/12X` is 5/12).
    private mutating func readStep(
        _ item: QuartzItem, from start: Int, slash: Int, field: QuartzField
    )
        throws(QuartzProblem)
    {
        let stepIndex = slash + 1
        guard stepIndex < item.count, QuartzCharacter.isDigit(item[stepIndex]) else {
            throw QuartzProblem(field, at: item.span, "'/' must be followed by a step")
        }
        let (read, after) = Self.digitRun(item, from: stepIndex)
        guard let step = read else {
            throw QuartzProblem(field, at: item.span, "the step is too large")
        }
        if after == stepIndex + 1, after < item.count {
            throw QuartzProblem(
                field, at: item.span, "unexpected '\(Self.describe(item[after]))' after the step; expected a number")
        }
        try checkStep(step, field: field, at: item.span)
        try addValues(start, end: nil, step: step, field: field, at: item.span)
    }

    /// Java's `checkIncrementRange`: a step above the field's largest value is rejected (not
    /// for ranges, and not for the year).
    private func checkStep(_ step: Int, field: QuartzField, at span: Range<Int>) throws(QuartzProblem) {
        if let maximum = field.maximum, step > maximum {
            throw QuartzProblem(
                field, at: span, "the step \(step) is larger than \(maximum), the field's largest value")
        }
    }

    // MARK: Scanning helpers

    /// The decimal number starting at `index` and the index after its digits; the number is
    /// `nil` when it does not fit Java's `int`.
    static func digitRun(_ item: QuartzItem, from index: Int) -> (value: Int?, end: Int) {
        var value: Int? = 0
        var position = index
        while position < item.count, QuartzCharacter.isDigit(item[position]) {
            if let current = value {
                let next = current * 10 + Int(item[position] - QuartzCharacter.digitZero)
                value = next <= Int(Int32.max) ? next : nil
            }
            position += 1
        }
        return (value, position)
    }

    /// Java's `Integer.parseInt` of the rest of the item from `index`: an optional sign and at
    /// least one digit, within `int`; `nil` otherwise.
    static func javaInteger(_ item: QuartzItem, from index: Int) -> Int? {
        guard index < item.count else { return nil }
        var position = index
        var negative = false
        if item[position] == QuartzCharacter.plus || item[position] == QuartzCharacter.hyphen {
            negative = item[position] == QuartzCharacter.hyphen
            position += 1
        }
        guard position < item.count else { return nil }
        var magnitude = 0
        while position < item.count {
            guard QuartzCharacter.isDigit(item[position]) else { return nil }
            magnitude = magnitude * 10 + Int(item[position] - QuartzCharacter.digitZero)
            guard magnitude <= Int(Int32.max) + 1 else { return nil }
            position += 1
        }
        let value = negative ? -magnitude : magnitude
        return Int(Int32.min)...Int(Int32.max) ~= value ? value : nil
    }

    /// A printable rendering of one UTF-16 unit for messages.
    static func describe(_ unit: UInt16) -> String {
        if let scalar = Unicode.Scalar(unit) { return String(Character(scalar)) }
        return "\\u{" + String(unit, radix: 16, uppercase: true) + "}"
    }
}

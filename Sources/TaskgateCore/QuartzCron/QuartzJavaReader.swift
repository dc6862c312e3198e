/// Reads a Quartz cron expression the way Java Quartz 2.3.2 `CronExpression` does, accepting
/// exactly what it accepts: its `buildExpression`, `storeExpressionVals`, `checkNext` and
/// `addToSet`, re-implemented (not copied) over the UTF-16 units of the upper-cased text, since
/// Java indexes a `String` by UTF-16 unit.
///
/// Java's reading is lenient in ways the grammar does not show: a token after the 7th is
/// ignored, and so is whatever follows a complete item (`5X` is 5, `MONDAY` is MON, `?X` is `?`,
/// `JAN-JUN/2` is JAN-JUN); `99` is read as `*` and `98` as `?`; an unchecked value may precede
/// `#`. This reader reproduces all of that; the rule built from its state then rejects the few
/// states Java accepts but cannot evaluate (see `QuartzJavaState+Rule.swift`).
struct QuartzJavaReader {
    /// The upper-cased expression, as UTF-16 units.
    let text: [UInt16]
    /// Java's `MAX_YEAR`: where `*` and `n/k` stop in the year field.
    let capYear: Int
    /// The whitespace-separated tokens, all of them (Java reads the first seven).
    let tokens: [Range<Int>]
    var state = QuartzJavaState()

    init(text: [UInt16], capYear: Int) {
        self.text = text
        self.capYear = capYear
        tokens = Self.split(text, at: { $0 == QuartzCharacter.space || $0 == QuartzCharacter.tab })
    }

    /// The non-empty runs of `units` between separators, as Java's `StringTokenizer` yields them.
    static func split(
        _ units: some Collection<UInt16>, in span: Range<Int>? = nil, at isSeparator: (UInt16) -> Bool
    )
        -> [Range<Int>]
    {
        var result: [Range<Int>] = []
        var start: Int?
        var index = span?.lowerBound ?? 0
        for unit in units {
            if isSeparator(unit) {
                if let begun = start { result.append(begun..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
            index += 1
        }
        if let begun = start { result.append(begun..<index) }
        return result
    }

    /// Reads the whole expression into Java's state.
    mutating func read() throws(QuartzProblem) -> QuartzJavaState {
        for (index, token) in tokens.prefix(7).enumerated() {
            guard let field = QuartzField(rawValue: index + 1) else { break }
            state.fieldSpans[field] = token
            try checkToken(token, field: field)
            let items = Self.split(text[token], in: token, at: { $0 == QuartzCharacter.comma })
            for item in items {
                try readItem(QuartzItem(text: text, span: item), field: field)
            }
        }
        guard tokens.count >= 6 else {
            let missing = QuartzField(rawValue: tokens.count + 1) ?? .dayOfWeek
            throw QuartzProblem(
                missing, at: text.count..<text.count,
                "missing; a Quartz expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week "
                    + "[year]), found \(tokens.count)")
        }
        if tokens.count == 6 {
            try addValues(QuartzValueSet.allSpecMarker, end: nil, step: 0, field: .year, at: text.count..<text.count)
        }
        // Java: exactly one of the two day fields is `?` ("Support for specifying both a
        // day-of-week AND a day-of-month parameter is not implemented").
        let monthDayGiven = !state[.dayOfMonth].hasNoSpecMarker
        let weekdayGiven = !state[.dayOfWeek].hasNoSpecMarker
        if monthDayGiven == weekdayGiven {
            let span = state.fieldSpans[.dayOfWeek] ?? text.count..<text.count
            throw QuartzProblem(
                .dayOfWeek, at: span,
                monthDayGiven
                    ? "day-of-month is restricted too; one of the two day fields must be '?'"
                    : "day-of-month is '?' too; exactly one of the two day fields must be '?'")
        }
        return state
    }

    /// Java's checks on a whole field before its items.
    private func checkToken(_ token: Range<Int>, field: QuartzField) throws(QuartzProblem) {
        let units = text[token]
        let hasL = units.contains(QuartzCharacter.letterL)
        let hasComma = units.contains(QuartzCharacter.comma)
        if field == .dayOfMonth, hasL, units.count > 1, hasComma {
            throw QuartzProblem(field, at: token, "'L' cannot be combined with other days in a list")
        }
        if field == .dayOfWeek, hasL, units.count > 1, hasComma {
            throw QuartzProblem(field, at: token, "'L' cannot be combined with other weekdays in a list")
        }
        if field == .dayOfWeek, units.filter({ $0 == QuartzCharacter.hash }).count > 1 {
            throw QuartzProblem(field, at: token, "'#' takes a single weekday, not a list")
        }
    }

    // MARK: Java's addToSet

    /// Adds `value` (or the range `value-end` every `step`) to a field, with Java's range checks,
    /// its reading of 99 as `*`, and its wrapping of ranges whose end is below their start.
    ///
    /// `step` follows Java's convention: 0 or -1 add the single value.
    mutating func addValues(
        _ value: Int, end: Int?, step: Int, field: QuartzField, at span: Range<Int>
    )
        throws(QuartzProblem)
    {
        let all = QuartzValueSet.allSpecMarker
        let noSpec = QuartzValueSet.noSpecMarker
        if let maximum = field.maximum, value != all {
            let isMarker = value == noSpec && (field == .dayOfMonth || field == .dayOfWeek)
            let tooSmall = field.minimum == 1 ? value < 1 : value < 0
            if !isMarker, tooSmall || value > maximum || (end ?? -1) > maximum {
                throw QuartzProblem(field, at: span, "expected \(field.expectedValues)")
            }
        }
        if step <= 0, value != all {
            if field == .year {
                state.years.append(QuartzYearTerm(year: value))
            } else {
                state[field].insert(value)
            }
            return
        }
        var step = step
        if value == all, step <= 0 {
            step = 1
            if field != .year { state[field].insert(all) }
        }
        let start = value == all ? field.minimum : value
        guard let maximum = field.maximum, let modulus = field.wrapModulus else {
            let stop = end ?? capYear
            guard stop >= start else {
                throw QuartzProblem(
                    field, at: span,
                    end == nil
                        ? "starts after \(capYear), the last year Java Quartz 2.3.2 reaches (the current year + 100)"
                        : "the range starts at \(start) and ends at \(stop); a year range cannot wrap")
            }
            let term = QuartzYearTerm(start: start, stop: stop, step: step)
            // Java adds the years one by one with `i += incr` on an int: past Int32.max it never
            // stops, and tens of millions of years exhaust its memory.
            guard stop <= Int(Int32.max) - step, term.count <= 10_000_000 else {
                throw QuartzProblem(
                    field, at: span,
                    "Java Quartz 2.3.2 expands a year range one year at a time and never finishes this one; "
                        + "expected years up to 9999")
            }
            state.years.append(term)
            return
        }
        // Only `99-n` bypasses the checks above (Java skips them for its `*` marker), so only it
        // can store values past the maximum; whether Java can reach them is decided once the
        // field is complete (`QuartzJavaState+Rule.swift`).
        var stop = end ?? maximum
        var wraps = false
        if stop < start {
            stop += modulus
            wraps = true
        }
        guard stop <= Int(Int32.max) - step, (stop - start) / step < 10_000_000 else {
            throw QuartzProblem(
                field, at: span,
                "Java Quartz 2.3.2 adds a range one value at a time and never finishes this one; "
                    + "expected \(field.expectedValues)")
        }
        if !wraps, stop > 127 {
            // Values past 127 matter only through the smallest of them (see QuartzValueSet).
            let beyond = start > 127 ? start : start + ((127 - start) / step + 1) * step
            if beyond <= stop { state[field].insert(beyond) }
            stop = 127
        }
        var current = start
        while current <= stop {
            var stored = wraps ? current % modulus : current
            if wraps, stored == 0, field.isOneBased { stored = modulus }
            state[field].insert(stored)
            current += step
        }
    }
}

/// One comma-separated item of a field, read by relative index like Java's `charAt`.
struct QuartzItem {
    let text: [UInt16]
    let span: Range<Int>

    var count: Int { span.count }

    subscript(index: Int) -> UInt16 { text[span.lowerBound + index] }

    /// The span of the units from `index` to the end of the item.
    func tail(from index: Int) -> Range<Int> { (span.lowerBound + min(index, count))..<span.upperBound }

    /// Whether the item equals an ASCII string.
    func equals(_ ascii: String) -> Bool {
        count == ascii.utf16.count && text[span].elementsEqual(ascii.utf16)
    }
}

/// The UTF-16 units the reader looks for.
enum QuartzCharacter {
    static let space: UInt16 = 0x20
    static let tab: UInt16 = 0x09
    static let comma: UInt16 = 0x2C
    static let hyphen: UInt16 = 0x2D
    static let plus: UInt16 = 0x2B
    static let slash: UInt16 = 0x2F
    static let asterisk: UInt16 = 0x2A
    static let question: UInt16 = 0x3F
    static let hash: UInt16 = 0x23
    static let letterA: UInt16 = 0x41
    static let letterL: UInt16 = 0x4C
    static let letterW: UInt16 = 0x57
    static let letterZ: UInt16 = 0x5A
    static let digitZero: UInt16 = 0x30
    static let digitNine: UInt16 = 0x39

    static func isDigit(_ unit: UInt16) -> Bool { unit >= digitZero && unit <= digitNine }
    static func isUpperLetter(_ unit: UInt16) -> Bool { unit >= letterA && unit <= letterZ }
}

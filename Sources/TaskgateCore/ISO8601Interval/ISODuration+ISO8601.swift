extension ISODuration {
    /// The largest value of each component, about 10,000 years: no duration taskgate can
    /// schedule is longer, and the bound keeps all arithmetic on durations far from overflow.
    static let componentLimits: [Character: (before: Int, after: Int)] = [
        "Y": (9_999, 0), "M": (119_988, 5_259_492_000), "W": (521_775, 0), "D": (3_652_425, 0),
        "H": (0, 87_658_200), "S": (0, 315_569_520_000),
    ]
    /// The longest time part, in seconds (10,000 Julian years).
    static let longestElapsedSeconds: Int64 = 315_569_520_000

    /// Reads an ISO 8601 duration in the designator format `PnYnMnWnDTnHnMnS`.
    ///
    /// - Weeks may be combined with the other components (`P1W2D`), as ISO 8601-1:2019 §5.5.2.4
    ///   and java.time's `Period.parse` allow; the 2004 edition allowed `PnW` only alone. A week
    ///   is seven nominal days.
    /// - Only the last component may carry a decimal fraction (`,` or `.`), and only hours,
    ///   minutes or seconds, and only when it comes to whole seconds: `PT1.5H` is read as
    ///   `PT1H30M`. A fraction of a nominal year, month, week or day has no fixed length.
    /// - The alternative format (`P0001-02-03T04:05:06`), signs and lower-case designators are
    ///   not read. A zero duration is refused by the caller, not here.
    ///
    /// - Throws: ``ISOTextProblem`` at the offending characters.
    static func read(_ text: [Character]) throws(ISOTextProblem) -> ISODuration {
        var reader = CharacterReader(text)
        guard reader.consume("P") else {
            throw ISOTextProblem(offset: 0, value: String(text), reason: "expected a duration such as PT2H")
        }
        let dateDesignators: [Character] = ["Y", "M", "W", "D"]
        let timeDesignators: [Character] = ["H", "M", "S"]
        var duration = ISODuration()
        var inTimePart = false
        var lastRank = -1
        var fractionAt: Int?
        var components = 0
        var timeComponents = 0
        while !reader.isAtEnd {
            let componentStart = reader.position
            if reader.consume("T") {
                guard !inTimePart else {
                    throw ISOTextProblem(
                        offset: componentStart, value: "T", reason: "'T' appears twice; expected PnYnMnWnDTnHnMnS")
                }
                inTimePart = true
                continue
            }
            if let fraction = fractionAt {
                throw ISOTextProblem(
                    offset: fraction, value: String(text[fraction..<componentStart]),
                    reason: "only the last component of a duration may have a fraction")
            }
            guard let whole = reader.digitRun() else {
                let found = String(text[componentStart])
                if found == "-" || found == "+" {
                    throw ISOTextProblem(
                        offset: componentStart, value: found,
                        reason: "a duration has no sign; expected a positive duration such as PT2H")
                }
                throw ISOTextProblem(
                    offset: componentStart, value: found,
                    reason: "expected a number before a designator; expected the format PnYnMnWnDTnHnMnS")
            }
            var fractionDigits: [Character] = []
            if reader.peek == "." || reader.peek == "," {
                reader.advance()
                guard let digits = reader.digitRun(), digits.count <= 9 else {
                    throw ISOTextProblem(
                        offset: componentStart, value: String(text[componentStart..<reader.position]),
                        reason: "expected 1 to 9 digits after the decimal sign")
                }
                fractionDigits = digits
                fractionAt = componentStart
            }
            guard let designator = reader.peek else {
                throw ISOTextProblem(
                    offset: componentStart, value: String(text[componentStart...]),
                    reason: "the number needs a designator: Y, M, W or D before T; H, M or S after it")
            }
            reader.advance()
            let component = String(text[componentStart..<reader.position])
            if designator == "-" {
                throw ISOTextProblem(
                    offset: componentStart, value: String(text),
                    reason:
                        "the alternative format PYYYY-MM-DDTHH:MM:SS is not read; expected the format PnYnMnWnDTnHnMnS")
            }
            let designators = inTimePart ? timeDesignators : dateDesignators
            guard let index = designators.firstIndex(of: designator) else {
                let expected =
                    inTimePart ? "H, M or S after T" : "Y, M, W or D before T (hours, minutes and seconds follow T)"
                throw ISOTextProblem(
                    offset: reader.position - 1, value: String(designator),
                    reason: "'\(designator)' is not a duration designator here; expected \(expected)")
            }
            let rank = (inTimePart ? 4 : 0) + index
            guard rank > lastRank else {
                throw ISOTextProblem(
                    offset: componentStart, value: component,
                    reason:
                        "'\(designator)' is repeated or out of order; "
                        + "expected the components in the order Y, M, W, D, T, H, M, S"
                )
            }
            lastRank = rank
            components += 1
            if inTimePart { timeComponents += 1 }
            try duration.add(
                whole: whole, fraction: fractionDigits, designator: designator, inTimePart: inTimePart,
                component: component, offset: componentStart)
        }
        guard components > 0 else {
            throw ISOTextProblem(
                offset: 0, value: String(text), reason: "a duration needs at least one component, such as PT2H")
        }
        if inTimePart, timeComponents == 0 {
            throw ISOTextProblem(
                offset: text.count - 1, value: "T",
                reason: "'T' must be followed by hours, minutes or seconds, such as PT2H")
        }
        guard duration.calendarMonths <= 119_988, duration.calendarDays <= 3_652_425,
            duration.elapsedSeconds <= longestElapsedSeconds
        else {
            throw ISOTextProblem(offset: 0, value: String(text), reason: "the duration is longer than 10,000 years")
        }
        return duration
    }

    /// Adds one component; a fraction of hours or minutes is carried into minutes and seconds.
    private mutating func add(
        whole: [Character], fraction: [Character], designator: Character, inTimePart: Bool, component: String,
        offset: Int
    ) throws(ISOTextProblem) {
        let limits = Self.componentLimits[designator] ?? (0, 0)
        let limit = inTimePart ? limits.after : limits.before
        guard let value = whole.decimalValue(limit: limit) else {
            let unit = Self.unitName(designator, inTimePart: inTimePart)
            let span = designator == "Y" ? "" : " (10,000 years)"
            throw ISOTextProblem(
                offset: offset, value: component, reason: "too large; expected at most \(limit) \(unit)\(span)")
        }
        var carriedSeconds = 0
        if fraction.contains(where: { $0 != "0" }) {
            guard inTimePart else {
                throw ISOTextProblem(
                    offset: offset, value: component,
                    reason:
                        "a fraction of a nominal year, month, week or day has no fixed length; "
                        + "write it in smaller units"
                )
            }
            let unitSeconds = designator == "H" ? 3600 : designator == "M" ? 60 : 1
            var scale = 1
            for _ in fraction { scale *= 10 }
            // Nine digits at most, so numerator × 3600 stays far below Int.max.
            let numerator = fraction.decimalValue(limit: Int.max) ?? 0
            guard numerator * unitSeconds % scale == 0 else {
                throw ISOTextProblem(
                    offset: offset, value: component,
                    reason: "not a whole number of seconds; taskgate schedules are exact to the second")
            }
            carriedSeconds = numerator * unitSeconds / scale
        }
        switch (designator, inTimePart) {
        case ("Y", false): years = value
        case ("M", false): months = value
        case ("W", false): weeks = value
        case ("D", false): days = value
        case ("H", true):
            hours = value
            minutes = carriedSeconds / 60
            seconds = carriedSeconds % 60
        case ("M", true):
            minutes = value
            seconds = carriedSeconds
        default: seconds = value
        }
    }

    private static func unitName(_ designator: Character, inTimePart: Bool) -> String {
        switch (designator, inTimePart) {
        case ("Y", false): "years"
        case ("M", false): "months"
        case ("W", false): "weeks"
        case ("D", false): "days"
        case ("H", true): "hours"
        case ("M", true): "minutes"
        default: "seconds"
        }
    }
}

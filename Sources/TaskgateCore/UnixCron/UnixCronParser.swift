/// Reads the time part of one Debian crontab line: five fields or an `@` macro.
///
/// The grammar is Debian cron 3.0pl1's (`entry.c`): a field is a comma list of `*`, a value
/// or a range `a-b`, where `*` and ranges may take a step `/n`; months and weekdays may be named
/// (`JAN`, `mon`). Where Debian cron is lenient by accident this reader is strict and says why:
///
/// - `a/n` (a step after a single value): Debian cron rejects the line ("Unsupported syntax:
///   Step specified without range"); cronsim reads it as `a-last/n`. Rejected.
/// - a range whose end is before its start: Debian cron accepts it and the field selects
///   nothing (the job never runs), cronsim rejects it. Rejected.
/// - text after a value that ends at a non-alphanumeric character (`MON#2`, `5!`): Debian cron
///   skips it silently, so `MON#2` is every Monday. Rejected, naming the extension it looks like.
/// - cronsim's `L`, `LW`, `nL` and `n#k` and Quartz's `W` and `?` are not Debian syntax. Rejected.
struct UnixCronParser {
    /// The line as given.
    let line: String
    private let characters: [Character]

    init(_ line: String) {
        self.line = line
        characters = Array(line)
    }

    /// What one line means.
    enum Result: Hashable {
        /// `@reboot`: at system start, not at a time.
        case reboot
        /// Five time fields (or a macro standing for them).
        case times(UnixCronTimes)
    }

    /// The largest step accepted: Debian reads the step with `atoi`, which misreads longer numbers.
    static let largestStep = 999_999_999
    /// The macros Debian cron knows, for messages.
    static let macroNames = "@reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly"

    func parse() throws(ScheduleSyntaxError) -> Result {
        let words = self.words()
        guard let first = words.first else {
            throw error(
                field: "expression", offset: 0, value: "",
                reason: "expected five fields (minute hour day-of-month month day-of-week) or an @ macro")
        }
        if characters[first.lowerBound] == "@" {
            return try macro(words)
        }
        guard words.count == 5 else {
            if words.count > 5 {
                throw error(
                    field: "expression", offset: words[5].lowerBound, value: text(words[5]),
                    reason: "Debian cron has five time fields; found \(words.count) (a sixth field would be the "
                        + "command, which is not part of a schedule)")
            }
            let whole = first.lowerBound..<(words.last?.upperBound ?? first.upperBound)
            throw error(
                field: "expression", offset: first.lowerBound, value: text(whole),
                reason: "expected five fields (minute hour day-of-month month day-of-week); found \(words.count)")
        }
        var values: [UnixCronFieldValue] = []
        for (field, word) in zip(UnixCronField.allCases, words) {
            values.append(try parseField(field, word))
        }
        return .times(
            UnixCronTimes(
                minute: values[0], hour: values[1], dayOfMonth: values[2], month: values[3], dayOfWeek: values[4]))
    }

    /// The blank-separated words of the line, as ranges of character offsets.
    private func words() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            let isBlank = character == " " || character == "\t"
            if isBlank, let wordStart = start {
                result.append(wordStart..<index)
                start = nil
            } else if !isBlank, start == nil {
                start = index
            }
        }
        if let start { result.append(start..<characters.count) }
        return result
    }

    private func macro(_ words: [Range<Int>]) throws(ScheduleSyntaxError) -> Result {
        let word = words[0]
        let name = String(characters[(word.lowerBound + 1)..<word.upperBound])
        if words.count > 1 {
            throw error(
                field: "macro", offset: words[1].lowerBound,
                value: text(words[1].lowerBound..<(words.last ?? words[1]).upperBound),
                reason: "a macro stands alone; expected nothing after \(text(word))")
        }
        // Debian compares the names with strcmp: lower case only.
        if name == "reboot" { return .reboot }
        guard let times = UnixCronTimes.macro(name) else {
            throw error(
                field: "macro", offset: word.lowerBound, value: text(word),
                reason: "expected \(Self.macroNames) (lower case, as Debian cron compares them)")
        }
        return .times(times)
    }

    private func parseField(
        _ field: UnixCronField, _ word: Range<Int>
    ) throws(ScheduleSyntaxError) -> UnixCronFieldValue {
        var values: Set<Int> = []
        var termStart = word.lowerBound
        for index in word.lowerBound...word.upperBound where index == word.upperBound || characters[index] == "," {
            values.formUnion(try parseTerm(field, termStart..<index))
            termStart = index + 1
        }
        return UnixCronFieldValue(values: values, startsWithStar: characters[word.lowerBound] == "*")
    }

    /// One list element: `*`, `*/n`, `v`, `a-b`, `a-b/n`.
    private func parseTerm(_ field: UnixCronField, _ term: Range<Int>) throws(ScheduleSyntaxError) -> Set<Int> {
        guard !term.isEmpty else {
            throw error(
                field, offset: term.lowerBound, value: "", reason: "empty list element; expected a value between commas"
            )
        }
        try rejectExtensions(field, term)
        var base = term
        var step = 1
        if let slash = term.first(where: { characters[$0] == "/" }) {
            base = term.lowerBound..<slash
            step = try parseStep(field, (slash + 1)..<term.upperBound)
        }
        if characters[base.lowerBound] == "*" {
            guard base.count == 1 else {
                throw error(
                    field, offset: term.lowerBound, value: text(term),
                    reason: "'*' stands alone or takes a step ('*/n')")
            }
            return Set(select(field, from: field.range.lowerBound, through: field.range.upperBound, step: step))
        }
        guard let dash = base.first(where: { characters[$0] == "-" }) else {
            let value = try parseValue(field, base)
            guard base.upperBound == term.upperBound else {
                throw error(
                    field, offset: term.lowerBound, value: text(term),
                    reason: "a step needs a range or '*' (Debian cron rejects a step after a single value); write "
                        + "\(text(base))-\(field.range.upperBound)/\(step)")
            }
            return Set(select(field, from: value, through: value, step: 1))
        }
        let first = try parseValue(field, base.lowerBound..<dash)
        let last = try parseValue(field, (dash + 1)..<base.upperBound)
        guard first <= last else {
            throw error(
                field, offset: term.lowerBound, value: text(term),
                reason: "the range runs backwards (Debian cron silently never runs such a field); expected the first "
                    + "value at most the last")
        }
        return Set(select(field, from: first, through: last, step: step))
    }

    private func select(_ field: UnixCronField, from first: Int, through last: Int, step: Int) -> [Int] {
        stride(from: first, through: last, by: step).map { field == .dayOfWeek && $0 == 7 ? 0 : $0 }
    }

    /// Names the syntax of other engines that a term uses, instead of a generic complaint.
    private func rejectExtensions(_ field: UnixCronField, _ term: Range<Int>) throws(ScheduleSyntaxError) {
        let upper = text(term).uppercased()
        let reason: String?
        if upper.contains("?") {
            reason = "'?' is Quartz syntax; Debian cron writes '*'"
        } else if field == .dayOfWeek, upper.contains("#") {
            reason = "'#' (the n-th weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        } else if field == .dayOfWeek, upper.count > 1, upper.hasSuffix("L") {
            reason =
                "'L' (the last such weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        } else if field == .dayOfMonth, upper == "L" || upper.hasPrefix("L-") {
            reason = "'L' (the last day of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        } else if field == .dayOfMonth, upper == "LW" {
            reason = "'LW' (the last weekday of the month) is a cronsim and Quartz extension, not Debian cron syntax"
        } else if field == .dayOfMonth, upper.count > 1, upper.hasSuffix("W") {
            reason = "'W' (the nearest weekday) is a Quartz extension, not Debian cron syntax"
        } else {
            reason = nil
        }
        if let reason { throw error(field, offset: term.lowerBound, value: text(term), reason: reason) }
    }

    private func parseValue(_ field: UnixCronField, _ range: Range<Int>) throws(ScheduleSyntaxError) -> Int {
        let token = text(range)
        if let number = Self.decimal(token, maximumDigits: 9), field.range.contains(number) {
            return number
        }
        if let index = field.names.firstIndex(of: token.uppercased()) {
            return field.range.lowerBound + index
        }
        throw error(field, offset: range.lowerBound, value: token, reason: field.expectation)
    }

    private func parseStep(_ field: UnixCronField, _ range: Range<Int>) throws(ScheduleSyntaxError) -> Int {
        let token = text(range)
        guard let step = Self.decimal(token, maximumDigits: 9), step >= 1 else {
            throw error(
                field, offset: range.lowerBound, value: token, reason: "expected a step from 1 to \(Self.largestStep)")
        }
        return step
    }

    /// A run of ASCII digits as a number, or `nil` (also for more than `maximumDigits` digits, so
    /// that no input overflows).
    static func decimal(_ text: String, maximumDigits: Int) -> Int? {
        guard !text.isEmpty, text.utf8.count <= maximumDigits else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private func text(_ range: Range<Int>) -> String {
        String(characters[range])
    }

    private func error(_ field: UnixCronField, offset: Int, value: String, reason: String) -> ScheduleSyntaxError {
        ScheduleSyntaxError(
            dialect: .cron, expression: line, field: field.name, fieldNumber: field.rawValue, offset: offset,
            value: value,
            reason: reason)
    }

    private func error(field: String, offset: Int, value: String, reason: String) -> ScheduleSyntaxError {
        ScheduleSyntaxError(
            dialect: .cron, expression: line, field: field, offset: offset, value: value, reason: reason)
    }
}

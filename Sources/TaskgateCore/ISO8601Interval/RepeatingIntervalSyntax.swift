/// An ISO 8601 repeating interval as written, before its zone turns it into a rule:
/// `R[n]/start/duration`, `R[n]/start/end`, `R[n]/duration/end` or `R[n]/duration`.
///
/// ISO 8601-1:2019 §5.6.1 writes a recurring interval as `Rn/` followed by an interval; `R` (or
/// `R-1`, ISO 8601-2) without a number repeats without end. Serverless Workflow 0.8 allows only
/// the unbounded `R/<start>/<duration>`, `R/<duration>/<end>` and `R/<duration>`
/// (qlik-scheduling.md §4.1); taskgate reads the full ISO 8601 set (H5).
struct RepeatingIntervalSyntax: Hashable, Sendable {
    /// How many intervals the text asks for.
    enum Repetitions: Hashable, Sendable {
        /// `R` or `R-1`.
        case unbounded
        /// `Rn`: n intervals, so n occurrences at their starts.
        case count(Int)
    }

    /// The interval the repetitions are made of.
    enum Shape: Hashable, Sendable {
        case startDuration(ISODateTime, ISODuration)
        case startEnd(ISODateTime, ISODateTime)
        case durationEnd(ISODuration, ISODateTime)
        case duration(ISODuration)
    }

    /// One `/`-separated part and where it starts in the text.
    struct Part: Hashable, Sendable {
        var text: [Character]
        var offset: Int
        var string: String { String(text) }
    }

    var repetitions: Repetitions
    var shape: Shape
    /// The parts after `R[n]`, for error messages that point at them.
    var parts: [Part]

    /// The largest repetition count read: more repetitions than any schedule reaches in 10,000
    /// years at one a second would need.
    static let largestCount = 2_147_483_647
    static let example = "R/2020-03-20T13:00:00Z/PT2H"
    static let forms = "R[n]/start/duration, R[n]/start/end, R[n]/duration/end or R[n]/duration"

    /// Reads a repeating interval.
    ///
    /// - Throws: ``ISO8601Problem`` naming the field (`repetitions`, `start`, `end`, `duration`, `interval`).
    static func read(_ text: [Character]) throws(ISO8601Problem) -> RepeatingIntervalSyntax {
        var parts: [Part] = []
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == "/" {
            parts.append(Part(text: Array(text[start..<index]), offset: start))
            start = index + 1
        }
        let first = parts[0]
        guard first.text.first == "R" else {
            if parts.count > 1, let kind = Self.kind(of: first) {
                throw ISO8601Problem(
                    field: "repetitions", offset: 0, value: first.string,
                    reason: "a single interval does not repeat; expected R/ or Rn/ before the \(kind) (\(example))")
            }
            throw ISO8601Problem(
                field: "interval", offset: 0, value: String(text),
                reason: "expected an ISO 8601 repeating interval such as \(example)")
        }
        let repetitions = try readRepetitions(first)
        guard parts.count == 2 || parts.count == 3 else {
            let culprit = parts.count > 3 ? parts[3] : first
            throw ISO8601Problem(
                field: "interval", offset: culprit.offset, value: parts.count > 3 ? culprit.string : String(text),
                reason: "expected \(forms)")
        }
        for part in parts.dropFirst() where part.text.isEmpty {
            throw ISO8601Problem(
                field: "interval", offset: part.offset, value: "",
                reason: "an empty part; expected \(forms)")
        }
        let values = Array(parts.dropFirst())
        let shape: Shape
        if values.count == 1 {
            guard values[0].text.first == "P" else {
                if values[0].text.first?.asciiDigit != nil {
                    throw ISO8601Problem(
                        field: "duration", offset: values[0].offset, value: values[0].string,
                        reason: "a start alone does not repeat; expected a duration after it (\(example))")
                }
                throw ISO8601Problem(
                    field: "duration", offset: values[0].offset, value: values[0].string,
                    reason: "expected a duration such as PT2H, or a start and a duration (\(example))")
            }
            shape = .duration(try readDuration(values[0]))
        } else {
            switch (values[0].text.first == "P", values[1].text.first == "P") {
            case (false, true):
                shape = .startDuration(try readDateTime(values[0], field: "start"), try readDuration(values[1]))
            case (false, false):
                shape = .startEnd(
                    try readDateTime(values[0], field: "start"), try readDateTime(values[1], field: "end"))
            case (true, false):
                shape = .durationEnd(try readDuration(values[0]), try readDateTime(values[1], field: "end"))
            case (true, true):
                throw ISO8601Problem(
                    field: "end", offset: values[1].offset, value: values[1].string,
                    reason: "two durations; expected a start before the duration or an end after it")
            }
        }
        return RepeatingIntervalSyntax(repetitions: repetitions, shape: shape, parts: values)
    }

    /// `R`, `Rn` or `R-1`.
    private static func readRepetitions(_ part: Part) throws(ISO8601Problem) -> Repetitions {
        let digits = Array(part.text.dropFirst())
        if digits.isEmpty || digits == ["-", "1"] { return .unbounded }
        guard digits.allSatisfy({ $0.asciiDigit != nil }) else {
            throw ISO8601Problem(
                field: "repetitions", offset: part.offset, value: part.string,
                reason: "expected R, Rn with n = 0, 1, 2, … or R-1")
        }
        guard let count = digits.decimalValue(limit: largestCount) else {
            throw ISO8601Problem(
                field: "repetitions", offset: part.offset, value: part.string,
                reason: "too many repetitions; expected at most \(largestCount), or R for no end")
        }
        return .count(count)
    }

    private static func readDuration(_ part: Part) throws(ISO8601Problem) -> ISODuration {
        let duration: ISODuration
        do {
            duration = try ISODuration.read(part.text)
        } catch {
            throw ISO8601Problem(
                field: "duration", offset: part.offset + error.offset, value: error.value, reason: error.reason)
        }
        guard !duration.isZero else {
            throw ISO8601Problem(
                field: "duration", offset: part.offset, value: part.string,
                reason: "a zero duration does not repeat; expected a positive duration such as PT2H")
        }
        return duration
    }

    private static func readDateTime(_ part: Part, field: String) throws(ISO8601Problem) -> ISODateTime {
        if part.text.count > 1, part.text[0] == "-" || part.text[0] == "+", part.text[1] == "P" {
            throw ISO8601Problem(
                field: "duration", offset: part.offset, value: part.string,
                reason: "a duration has no sign; expected a positive duration such as PT2H")
        }
        if part.text.first == "p" {
            throw ISO8601Problem(
                field: "duration", offset: part.offset, value: part.string,
                reason: "ISO 8601 designators are upper case; expected a duration such as PT2H")
        }
        guard part.text.first?.asciiDigit != nil else {
            throw ISO8601Problem(
                field: field, offset: part.offset, value: part.string,
                reason: "expected a date-time such as 2020-03-20T13:00:00Z or a duration such as PT2H")
        }
        do {
            return try ISODateTime.read(part.text)
        } catch {
            throw ISO8601Problem(
                field: field, offset: part.offset + error.offset, value: error.value, reason: error.reason)
        }
    }

    /// What a part looks like, for the message about a missing `R`.
    private static func kind(of part: Part) -> String? {
        if part.text.first == "P" { return "duration" }
        if part.text.first?.asciiDigit != nil { return "interval" }
        return nil
    }
}

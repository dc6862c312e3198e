/// One iCalendar content line of an RRULE set (RFC 5545 §3.1): `NAME;PARAM=VALUE:VALUE`.
///
/// A line without a colon is not a content line but a bare RECUR value (`FREQ=DAILY`), as Qlik's
/// `retentionPolicy` writes them; ``init(source:range:)`` returns `nil` for it.
struct RRuleContentLine {
    struct Parameter {
        /// The parameter name in upper case: `TZID`, `VALUE`.
        var name: String
        /// The value, without surrounding double quotes.
        var value: Range<Int>
        /// The whole `NAME=VALUE` text.
        var range: Range<Int>
    }

    /// Where the zone of a date-time value comes from.
    enum ValueZone {
        /// The value ends in `Z`.
        case utc
        /// A `TZID` parameter names the zone.
        case named(String, ZoneRules)
        /// A floating value: the schedule's zone.
        case schedule
    }

    /// The property name in upper case: `RRULE`, `EXDATE`, `DTSTART`.
    var name: String
    var nameRange: Range<Int>
    var parameters: [Parameter]
    var value: Range<Int>

    init?(source: RRuleSource, range: Range<Int>) throws(ScheduleSyntaxError) {
        // The first colon outside a quoted parameter value ends the name and parameters.
        var inQuotes = false
        var colon: Int?
        for index in range {
            let byte = source.bytes[index]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == UInt8(ascii: ":"), !inQuotes {
                colon = index
                break
            }
        }
        guard let colon else { return nil }
        let pieces = source.split(range.lowerBound..<colon, on: UInt8(ascii: ";"))
        nameRange = pieces[0]
        name = source.upperText(pieces[0])
        var parameters: [Parameter] = []
        for piece in pieces.dropFirst() {
            guard let equals = source.firstIndex(of: UInt8(ascii: "="), in: piece) else {
                throw source.error(name, at: piece, "expected a parameter NAME=VALUE, such as TZID=Europe/Berlin")
            }
            var value = (equals + 1)..<piece.upperBound
            if value.count >= 2, source.bytes[value.lowerBound] == UInt8(ascii: "\""),
                source.bytes[value.upperBound - 1] == UInt8(ascii: "\"")
            {
                value = (value.lowerBound + 1)..<(value.upperBound - 1)
            }
            parameters.append(Parameter(name: source.upperText(piece.lowerBound..<equals), value: value, range: piece))
        }
        self.parameters = parameters
        self.value = (colon + 1)..<range.upperBound
    }

    /// The one date-time value of a `DTSTART` line.
    func dateTime(
        source: RRuleSource, field: String, allowsDate: Bool
    ) throws(ScheduleSyntaxError) -> (local: LocalDateTime, zone: ValueZone) {
        let values = try dateTimes(source: source, field: field, allowsDate: allowsDate)
        guard values.count == 1, let value = values.first else {
            throw source.error(field, at: value, "expected one date-time, not a list")
        }
        return value
    }

    /// The comma-separated date-time values of an `EXDATE` (or `DTSTART`) line.
    func dateTimes(
        source: RRuleSource, field: String, allowsDate: Bool = false
    ) throws(ScheduleSyntaxError) -> [(local: LocalDateTime, zone: ValueZone)] {
        var zone = ValueZone.schedule
        var requiredForm: RRuleDateTime.Form?
        for parameter in parameters {
            switch parameter.name {
            case "TZID":
                let identifier = source.text(parameter.value)
                guard let rules = ZoneRules(identifier: identifier) else {
                    throw source.error(
                        "TZID", at: parameter.value, "unknown time zone; expected an IANA name such as Europe/Berlin")
                }
                zone = .named(identifier, rules)
            case "VALUE":
                switch source.upperText(parameter.value) {
                case "DATE-TIME": requiredForm = .floating
                case "DATE" where allowsDate: requiredForm = .date
                default:
                    throw source.error(
                        field, at: parameter.range,
                        allowsDate ? "expected VALUE=DATE-TIME or VALUE=DATE" : "expected VALUE=DATE-TIME")
                }
            default:
                throw source.error(field, at: parameter.range, "expected the parameter TZID or VALUE")
            }
        }
        var result: [(local: LocalDateTime, zone: ValueZone)] = []
        for item in source.split(value, on: UInt8(ascii: ",")) {
            let expected =
                allowsDate
                ? "expected a date-time YYYYMMDDTHHMMSS, optionally followed by Z, or a date YYYYMMDD"
                : "expected a date-time YYYYMMDDTHHMMSS, optionally followed by Z"
            guard let parsed = RRuleDateTime(parsing: source.bytes[item]) else {
                throw source.error(field, at: item, expected)
            }
            let accepted: Bool
            switch parsed.form {
            case .date: accepted = allowsDate && requiredForm != .floating
            case .floating, .utc: accepted = requiredForm != .date
            }
            guard accepted else { throw source.error(field, at: item, expected) }
            if parsed.form == .utc {
                if case .named = zone {
                    throw source.error(field, at: item, "a UTC date-time (ending in Z) takes no TZID")
                }
                result.append((parsed.local, .utc))
            } else {
                result.append((parsed.local, zone))
            }
        }
        return result
    }
}

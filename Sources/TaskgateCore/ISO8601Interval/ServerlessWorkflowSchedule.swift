/// A Serverless Workflow `schedule` object as Qlik scheduling tasks write it (qlik-scheduling.md
/// §3.2, §4.2): `interval`, `cron` (a string or `{expression, validUntil}`), `recurrence` (one
/// RRULE; a Qlik extension), `startDateTime`, `endDateTime` (Qlik extensions) and `timezone`.
///
/// This is the object as written: values are kept with their columns; ``ISO8601IntervalDialect``
/// gives them meaning. Any other key is refused, as Serverless Workflow 0.8's schema does.
struct ServerlessWorkflowSchedule: Hashable, Sendable {
    typealias Text = FlatJSONObject.StringValue

    var interval: Text?
    var cron: Text?
    var validUntil: Text?
    var recurrence: Text?
    var startDateTime: Text?
    var endDateTime: Text?
    var timezone: Text?
    /// The offset of each key present, for messages about the key itself.
    var keyOffsets: [String: Int]

    static let keys = "interval, cron, recurrence, startDateTime, endDateTime or timezone"

    /// Reads the members of an object.
    ///
    /// - Throws: ``ISO8601Problem`` for an unknown key or a value of the wrong type.
    init(reading object: FlatJSONObject) throws(ISO8601Problem) {
        keyOffsets = [:]
        for member in object.members {
            keyOffsets[member.key] = member.keyOffset
            switch member.key {
            case "interval": interval = try Self.text(member)
            case "recurrence": recurrence = try Self.text(member)
            case "startDateTime": startDateTime = try Self.text(member)
            case "endDateTime": endDateTime = try Self.text(member)
            case "timezone": timezone = try Self.text(member)
            case "cron":
                switch member.value {
                case .string(let value): cron = value
                case .null: break
                case .object(let nested):
                    for inner in nested.members {
                        switch inner.key {
                        case "expression": cron = try Self.text(inner)
                        case "validUntil": validUntil = try Self.text(inner)
                        default:
                            throw ISO8601Problem(
                                field: "cron", offset: inner.keyOffset + 1, value: inner.key,
                                reason: "unknown key; expected expression or validUntil")
                        }
                    }
                    guard cron != nil else {
                        throw ISO8601Problem(
                            field: "cron", offset: member.valueOffset, value: "{",
                            reason:
                                "the cron object has no expression; expected "
                                + "{\"expression\": \"…\", \"validUntil\": \"…\"}"
                        )
                    }
                }
            default:
                throw ISO8601Problem(
                    field: "JSON", offset: member.keyOffset + 1, value: member.key,
                    reason: "unknown key; expected \(Self.keys)")
            }
        }
    }

    /// A member's string value; `null` counts as absent.
    private static func text(_ member: FlatJSONObject.Member) throws(ISO8601Problem) -> Text? {
        switch member.value {
        case .string(let value): return value
        case .null: return nil
        case .object:
            throw ISO8601Problem(
                field: member.key, offset: member.valueOffset, value: "{", reason: "expected a string, not an object")
        }
    }
}

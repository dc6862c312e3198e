public import TaskgateCore

/// A recurring Wyn schedule (`Pattern`, wyn.md §2.8): Quartz expressions whose instants are
/// united, a UTC window and the zone the fields are read in.
public struct WynPatternPayload: Hashable, Sendable {
    /// Quartz cron expressions.
    public var patterns: [String]
    /// The earliest instant, RFC 3339 in UTC as written (milliseconds may be present).
    public var startDate: String?
    /// The latest instant; `nil` (or `null`) for open-ended.
    public var endDate: String?
    /// A Windows or IANA zone id.
    public var timeZoneId: String?
    /// Members the digest does not list, verbatim.
    public var unknown: JSONObject

    /// Creates a pattern.
    public init(
        patterns: [String], startDate: String? = nil, endDate: String? = nil, timeZoneId: String? = nil,
        unknown: JSONObject = [:]
    ) {
        self.patterns = patterns
        self.startDate = startDate
        self.endDate = endDate
        self.timeZoneId = timeZoneId
        self.unknown = unknown
    }

    /// Reads a pattern at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var reader = try JSONFieldReader(json, at: path, product: .wyn)
        guard let patterns = try reader.strings("patterns") else {
            throw reader.missing("patterns", "an array of Quartz cron expressions")
        }
        guard !patterns.isEmpty else {
            throw reader.mismatch("patterns", .array([]), "at least one Quartz cron expression")
        }
        self.patterns = patterns
        startDate = try reader.string("startDate")
        endDate = try reader.string("endDate")
        timeZoneId = try reader.string("timeZoneId")
        unknown = reader.unread
    }

    /// The pattern as Wyn JSON; an open end is written as `null`, as Wyn's own example does.
    public var json: JSONValue {
        var object = unknown
        object["patterns"] = .array(patterns.map(JSONValue.string))
        if let startDate { object["startDate"] = .string(startDate) }
        object["endDate"] = endDate.map(JSONValue.string) ?? .null
        if let timeZoneId { object["timeZoneId"] = .string(timeZoneId) }
        return .object(object)
    }
}

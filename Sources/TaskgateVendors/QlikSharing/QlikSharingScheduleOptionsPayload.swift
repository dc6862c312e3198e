import TaskgateCore

/// `scheduleOptions` of a sharing task (qlik-sharing.md §6.2): a zone, 1–5 RRULE lines, and a
/// window of local wall times without offset; the server adds the scheduler job and run times.
struct QlikSharingScheduleOptionsPayload: Hashable, Sendable {
    /// Members the server sets (read-only), kept as server state.
    static let serverFields: Set<String> = ["chronosJobID", "lastExecutionTime", "nextExecutionTime"]
    /// Members the adapter reads.
    static let knownFields = Set(["timezone", "recurrence", "startDateTime", "endDateTime"]).union(serverFields)

    /// The zone name as written (an IANA name or alias such as `Canada/Pacific`).
    var timezone: String?
    /// The RRULE lines, as written.
    var recurrence: [String]
    /// The window start as written (`""` means now).
    var startDateTime: String?
    /// The window end as written (`""` means never).
    var endDateTime: String?
    /// Server-set members.
    var server: JSONObject
    /// Members the digest does not name, verbatim.
    var unknown: JSONObject

    /// Reads the object at `path`.
    init(_ fields: JSONFields) throws(TaskDecodingError) {
        timezone = try fields.string("timezone")
        recurrence = try fields.strings("recurrence") ?? []
        startDateTime = try fields.string("startDateTime")
        endDateTime = try fields.string("endDateTime")
        server = fields.members.filter { Self.serverFields.contains($0.key) }
        unknown = fields.members(except: Self.knownFields)
    }

    /// The object as a create request carries it: server members left out.
    var createJSON: JSONValue {
        var members = unknown
        if let timezone { members["timezone"] = .string(timezone) }
        members["recurrence"] = .array(recurrence.map(JSONValue.string))
        if let startDateTime { members["startDateTime"] = .string(startDateTime) }
        if let endDateTime { members["endDateTime"] = .string(endDateTime) }
        return .object(members)
    }

    /// The schedule: the RRULE lines read in the zone, between the window's wall times.
    ///
    /// A missing `timezone` means the user's profile zone (§7), which a file does not say: the
    /// context's default zone stands for it. A missing or empty `startDateTime` means now (§6.2).
    ///
    /// - Throws: ``TaskDecodingError`` at the member that is wrong: not 1 to 5 lines, a line with
    ///   `DTSTART`, `DTEND`, `UNTIL`, `RDATE`, `EXDATE` or `EXRULE`, an unknown zone, a date-time
    ///   with an offset, a rule RFC 5545 does not accept.
    func schedule(
        at path: JSONPath, context: AdapterContext, product: Product
    ) throws(TaskDecodingError)
        -> Schedule
    {
        func failure(_ key: String, _ value: JSONValue?, _ expected: String) -> TaskDecodingError {
            TaskDecodingError(product: product, path: path.appending(key), value: value, expected: expected)
        }
        guard (1...5).contains(recurrence.count) else {
            throw failure(
                "recurrence", .array(recurrence.map(JSONValue.string)), "1 to 5 RRULE lines (qlik-sharing.md §6.2)")
        }
        var zone = context.defaultZone
        if let timezone, !timezone.isEmpty {
            guard let resolved = ZoneNaming.resolve(timezone, context: context) else {
                throw failure("timezone", .string(timezone), "an IANA zone name such as Europe/Berlin")
            }
            zone = resolved
        }
        let start = try Self.local(startDateTime, key: "startDateTime", failure: failure)
        let end = try Self.local(endDateTime, key: "endDateTime", failure: failure)
        let dialectContext = DialectContext(
            zone: zone, start: start, end: end.map(TimePoint.local), reference: context.now)
        if !recurrence.contains(where: { Self.forbiddenPart(of: $0) != nil }),
            let schedule = try? context.parse(.rrule, recurrence, context: dialectContext)
        {
            return schedule
        }
        // The first line at fault, in order, names the problem.
        for (index, line) in recurrence.enumerated() {
            if let forbidden = Self.forbiddenPart(of: line) {
                throw TaskDecodingError(
                    product: product, path: path.appending("recurrence").appending(index), value: .string(line),
                    expected: "an RRULE line without \(forbidden) (qlik-sharing.md §6.2: the window is "
                        + "startDateTime and endDateTime)")
            }
            do {
                _ = try context.parse(.rrule, [line], context: dialectContext)
            } catch {
                throw TaskDecodingError(
                    product: product, path: path.appending("recurrence").appending(index), value: .string(line),
                    expected: "an RFC 5545 RRULE (\(error.description))")
            }
        }
        do {
            return try context.parse(.rrule, recurrence, context: dialectContext)
        } catch {
            throw failure(
                "recurrence", .array(recurrence.map(JSONValue.string)), "RFC 5545 RRULE lines (\(error.description))")
        }
    }

    /// The part of an RRULE line Qlik sharing refuses (a window of its own: DTSTART, UNTIL, …), if any.
    static func forbiddenPart(of line: String) -> String? {
        let upper = line.uppercased()
        return ["DTSTART", "DTEND", "RDATE", "EXDATE", "EXRULE"].first { upper.hasPrefix($0) }
            ?? (upper.contains("UNTIL=") ? "UNTIL" : nil)
    }

    /// A local wall time; `nil` for a missing or empty value.
    static func local(
        _ text: String?, key: String, failure: (String, JSONValue?, String) -> TaskDecodingError
    ) throws(TaskDecodingError) -> LocalDateTime? {
        guard let text, !text.isEmpty else { return nil }
        guard let local = LocalDateTime(parsing: text) else {
            throw failure(key, .string(text), "a local date-time without offset, YYYY-MM-DDTHH:MM:SS")
        }
        return local
    }
}

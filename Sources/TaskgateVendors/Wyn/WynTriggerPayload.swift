public import TaskgateCore

/// When a Wyn task runs (`Trigger`, wyn.md §2.7): exactly one of `explicit`, `once`, `pattern`,
/// `templateId`; `onceTimeZoneId` travels with `once`.
public struct WynTriggerPayload: Hashable, Sendable {
    /// The trigger's alternative.
    public enum Mode: Hashable, Sendable {
        /// `{"explicit": true}`: run by hand only.
        case explicit
        /// `{"once": "<UTC instant>", "onceTimeZoneId": "<zone>"}`, the instant as written.
        case once(String, zone: String?)
        /// `{"pattern": {…}}`.
        case pattern(WynPatternPayload)
        /// `{"templateId": "<id>"}`: a schedule template kept in Wyn's admin portal.
        case template(String)
    }

    /// The alternative.
    public var mode: Mode
    /// Members the digest does not list, verbatim.
    public var unknown: JSONObject

    /// Creates a trigger.
    public init(mode: Mode, unknown: JSONObject = [:]) {
        self.mode = mode
        self.unknown = unknown
    }

    /// Reads a trigger at `path`; two alternatives at once, or none, is an error.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var reader = try JSONFieldReader(json, at: path, product: .wyn)
        var modes: [Mode] = []
        if let explicit = try reader.bool("explicit") {
            guard explicit else {
                throw reader.mismatch("explicit", .bool(false), "true (a manual trigger) or no member")
            }
            modes.append(.explicit)
        }
        let onceZone = try reader.string("onceTimeZoneId")
        if let once = try reader.string("once") {
            guard Instant(parsingRFC3339: once) != nil else {
                throw reader.mismatch("once", .string(once), "an RFC 3339 instant such as 2026-05-04T07:00:00Z")
            }
            modes.append(.once(once, zone: onceZone))
        }
        if let pattern = reader.raw("pattern"), pattern != .null {
            modes.append(.pattern(try WynPatternPayload(pattern, at: path.appending("pattern"))))
        }
        if let template = try reader.string("templateId") {
            modes.append(.template(template))
        }
        guard modes.count == 1, let mode = modes.first else {
            throw TaskDecodingError(
                product: .wyn, path: path, value: json,
                expected: "exactly one of explicit, once, pattern, templateId (found \(modes.count))")
        }
        self.mode = mode
        unknown = reader.unread
        // A zone without `once` has nothing to travel with: kept verbatim, not dropped.
        var isOnce = false
        if case .once = mode { isOnce = true }
        if !isOnce, let onceZone { unknown["onceTimeZoneId"] = .string(onceZone) }
    }

    /// The trigger as Wyn JSON.
    public var json: JSONValue {
        var object = unknown
        switch mode {
        case .explicit: object["explicit"] = .bool(true)
        case .once(let instant, let zone):
            object["once"] = .string(instant)
            if let zone { object["onceTimeZoneId"] = .string(zone) }
        case .pattern(let pattern): object["pattern"] = pattern.json
        case .template(let id): object["templateId"] = .string(id)
        }
        return .object(object)
    }
}

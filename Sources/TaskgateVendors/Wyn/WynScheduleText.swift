import TaskgateCore

/// Wyn's recurring schedule text: the `patterns` list read with the configured Quartz engine
/// (`AdapterContext.wynEngine`, wyn.md §4: Wyn is most likely Quartz.NET), and the zone id
/// written in the style the target server takes (§5.1).
enum WynScheduleText {
    /// Reads the patterns as one schedule; an error names the pattern's index.
    static func parse(
        _ patterns: [String], zone: String, start: Instant?, end: Instant?, context: AdapterContext, path: JSONPath
    ) throws(TaskDecodingError) -> Schedule {
        let dialectContext = DialectContext(zone: zone, end: end.map(TimePoint.instant), reference: context.now)
        do {
            return try context.parse(context.wynEngine, patterns, context: dialectContext)
        } catch {
            for (index, pattern) in patterns.enumerated() {
                do {
                    _ = try context.wynEngine.parse([pattern], context: dialectContext)
                } catch let lineError {
                    throw TaskDecodingError(
                        product: .wyn, path: path.appending(index), value: .string(pattern),
                        expected: "a Quartz cron expression (\(lineError.description))")
                }
            }
            throw TaskDecodingError(
                product: .wyn, path: path, value: .array(patterns.map(JSONValue.string)),
                expected: "Quartz cron expressions (\(error.description))")
        }
    }

    /// The zone id for a Wyn server of the configured style; `nil` when a Windows server has no id
    /// for the zone.
    static func zoneID(for zone: String, context: AdapterContext) -> String? {
        switch context.wynZoneStyle {
        case .iana: zone
        case .windows: zone == "UTC" ? "UTC" : context.zones.windowsIdentifier(for: zone)
        }
    }

    /// `2026-04-04T05:00:00Z`.
    static func text(_ instant: Instant) -> String { instant.description }
}

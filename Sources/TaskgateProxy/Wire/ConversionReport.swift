import TaskgateCore
import TaskgateVendors

/// The loss report and schedule proof of one conversion, as JSON for error bodies and dry runs.
enum ConversionReport {
    /// `{verdict, losses: [{path, value, reason}], schedule: {status, target, proof, reason, notes}}`.
    static func json(_ encoded: EncodedTask) -> JSONValue {
        .object([
            "verdict": .string(encoded.status.rawValue),
            "losses": .array(
                encoded.losses.sorted().map { loss in
                    .object([
                        "path": .string(loss.path.description), "value": loss.value, "reason": .string(loss.reason),
                    ])
                }),
            "schedule": schedule(encoded.schedule),
        ])
    }

    /// The schedule conversion: verdict, printed target, proof window and counts, reason, notes.
    static func schedule(_ conversion: ScheduleConversion) -> JSONValue {
        var object: JSONObject = [
            "status": .string(conversion.status.rawValue),
            "notes": .array(conversion.notes.map(JSONValue.string)),
        ]
        if let target = conversion.target {
            object["target"] = .array(target.lines.map(JSONValue.string))
        }
        if let report = conversion.report {
            object["proof"] = .object([
                "from": .string(report.from.description), "through": .string(report.through.description),
                "sourceOccurrences": .integer(Int64(report.sourceOccurrences)),
                "targetOccurrences": .integer(Int64(report.targetOccurrences)),
                "differences": .integer(Int64(report.differenceCount)),
            ])
        }
        if let reason = conversion.reason {
            object["reason"] = .string(reason)
        }
        return .object(object)
    }

    /// The `Taskgate-Loss` header: the verdict and each lost path, `lossy; owner, timeout`.
    static func header(_ encoded: EncodedTask) -> String {
        let paths = encoded.losses.sorted().map(\.path.description)
        let scheduleNote = encoded.schedule.status == .exact ? [] : ["schedule \(encoded.schedule.status.rawValue)"]
        let parts = paths + scheduleNote
        return parts.isEmpty ? encoded.status.rawValue : "\(encoded.status.rawValue); \(parts.joined(separator: ", "))"
    }
}

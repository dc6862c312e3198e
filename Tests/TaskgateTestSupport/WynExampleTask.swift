public import TaskgateCore

/// The Wyn task the proxy and replica tests send: an hourly (8:00–17:00, weekdays, UTC) PDF export of the
/// report `b1d3027c-…`, mailed to noc@example.com.
public enum WynExampleTask {
    /// The report the task exports (mapped to a Qlik app by the tests' id maps).
    public static let documentID = "b1d3027c-f808-4a0b-b8d8-b398cc18631a"

    /// The task, with `name` as its description.
    public static func named(_ name: String) -> JSONValue {
        .object([
            "description": .string(name),
            "documentId": .string(documentID),
            "task": .object([
                "taskType": .string("RptExport"), "documentId": .string(documentID), "payload": .string("{}"),
            ]),
            "trigger": .object([
                "pattern": .object([
                    "patterns": .array([.string("0 0 8,9,10,11,12,13,14,15,16,17 ? * MON-FRI *")]),
                    "startDate": .string("2026-04-01T00:00:00Z"), "endDate": .null, "timeZoneId": .string("UTC"),
                ])
            ]),
            "deployTo": .object([
                "emailAttach": .object(["settings": .object(["mailTo": .array([.string("noc@example.com")])])])
            ]),
        ])
    }
}

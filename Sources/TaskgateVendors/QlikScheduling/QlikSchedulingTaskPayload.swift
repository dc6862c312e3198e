import TaskgateCore

/// A Qlik Cloud scheduling task as `/api/scheduling/tasks` reads and writes it
/// (qlik-scheduling.md §3): a Serverless Workflow with one event state holding one `app.reload`
/// action, started by `start.schedule` or by `events`.
struct QlikSchedulingTaskPayload: Hashable, Sendable {
    /// Top-level fields the server sets (§3.1).
    static let serverFields: Set<String> = ["id", "resourceId"]
    /// `metadata` members a client sends (§3.5); every other member is server state.
    static let metadataBodyFields: Set<String> = ["usage", "spaceId"]
    /// Top-level fields taskgate interprets.
    static let interpretedFields: Set<String> = [
        "name", "description", "enabled", "start", "events", "states", "metadata",
    ]

    var name: String
    var description: String?
    var enabled: Bool?
    /// `start` verbatim (`stateName` and `schedule`).
    var start: JSONFields?
    /// `start.schedule`: a string (an ISO 8601 repeating interval, UTC) or an object.
    var schedule: JSONValue?
    /// CloudEvent definitions (§3.3), verbatim.
    var events: [JSONValue]
    /// The states, verbatim.
    var states: [JSONValue]
    /// The one action's function (`app.reload`) and its arguments.
    var refName: String
    var appID: String
    var partial: Bool?
    /// `metadata.usage` and `metadata.spaceId`, verbatim.
    var metadataBody: JSONObject
    /// Server-set fields, by path.
    var server: [JSONPath: JSONValue]
    /// Top-level members besides the interpreted and server ones (`specVersion`, `version`, `key`,
    /// `keepActive`, `annotations`, unknown), verbatim.
    var other: JSONObject

    /// The path of the action's function reference.
    static let functionPath: JSONPath = "states[0].onEvents[0].actions[0].functionRef"

    /// Reads a task in the request or the response shape.
    init(_ json: JSONValue, product: Product) throws(TaskDecodingError) {
        let fields = try JSONFields(json, at: .root, product: product)
        name = try fields.requiredString("name")
        description = try fields.string("description")
        enabled = try fields.bool("enabled")
        if try fields.string("specVersion") == nil {
            throw fields.error("specVersion", nil, expected: "a Serverless Workflow version such as \"0.8\"")
        }
        start = try fields.object("start")
        if let start {
            guard let schedule = start.members["schedule"], schedule != .null else {
                throw start.error("schedule", nil, expected: "an ISO 8601 repeating interval or a schedule object")
            }
            self.schedule = schedule
        }
        events = try fields.array("events") ?? []
        guard let states = try fields.array("states"), states.count == 1 else {
            throw fields.error(
                "states", fields.members["states"], expected: "one event state (qlik-scheduling.md §3.4)")
        }
        self.states = states
        let state = try JSONFields(states[0], at: "states[0]", product: product)
        guard let onEvents = try state.array("onEvents"), let first = onEvents.first else {
            throw state.error("onEvents", state.members["onEvents"], expected: "one onEvents entry")
        }
        let onEvent = try JSONFields(first, at: "states[0].onEvents[0]", product: product)
        guard let actions = try onEvent.array("actions"), actions.count == 1 else {
            throw onEvent.error("actions", onEvent.members["actions"], expected: "one action (qlik-scheduling.md §3.4)")
        }
        let action = try JSONFields(actions[0], at: "states[0].onEvents[0].actions[0]", product: product)
        switch action.members["functionRef"] {
        case .string(let name)?:
            throw action.error(
                "functionRef", .string(name), expected: "an object with refName and arguments.appId")
        case .object?:
            let function = try JSONFields(
                action.members["functionRef"] ?? .null, at: Self.functionPath, product: product)
            refName = try function.requiredString("refName")
            let arguments = try function.object("arguments")
            guard let arguments, let app = try arguments.string("appId") else {
                throw TaskDecodingError(
                    product: product, path: Self.functionPath.appending("arguments").appending("appId"), value: nil,
                    expected: "the id of the app to reload")
            }
            appID = app
            partial = try arguments.bool("partial")
        case let other:
            throw action.error("functionRef", other, expected: "an object with refName and arguments.appId")
        }
        server = [:]
        for key in Self.serverFields {
            if let value = fields.members[key] { server[JSONPath(components: [.key(key)])] = value }
        }
        metadataBody = [:]
        if let metadata = try fields.object("metadata") {
            for (key, value) in metadata.members {
                if Self.metadataBodyFields.contains(key) {
                    metadataBody[key] = value
                } else {
                    server[JSONPath(components: [.key("metadata"), .key(key)])] = value
                }
            }
        }
        other = fields.members(except: Self.serverFields.union(Self.interpretedFields))
    }

    /// The user id in `metadata.ownerId` (a string, or a number as in the seed's examples).
    var ownerID: String? {
        switch server["metadata.ownerId"] {
        case .string(let id)?: id
        case .integer(let id)?: String(id)
        default: nil
        }
    }
}

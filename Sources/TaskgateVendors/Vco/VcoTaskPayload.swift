public import TaskgateCore

/// A vRealize Orchestrator task (`task`, vco.md §3.1): the create body of `POST /vco/api/tasks`
/// and the read body of `GET /vco/api/tasks/{id}`.
///
/// Read: every version's spelling (`parameter` or `input-parameters`, `user` or `userName`,
/// enum values in Swagger upper case or wire lower case, §11 V7–V8). Written: the 8.x names and
/// lower-case hyphenated values, without the server's members.
public struct VcoTaskPayload: Hashable, Sendable {
    /// The task name.
    public var name: String?
    /// Free text.
    public var description: String?
    /// The workflow as given (`{id, name}` on create; the full representation on read), verbatim.
    public var workflow: JSONObject
    /// `one-time`, `every-minutes`, … as written.
    public var recurrenceCycle: String?
    /// `(<IANA zone>) item,item,` as written.
    public var recurrencePattern: String?
    /// The run instant (one-time) or the window's start, as written.
    public var recurrenceStartDate: String
    /// The window's end as written; absent or `""` never ends.
    public var recurrenceEndDate: String?
    /// `normal` or `start-in-the-past`, as written.
    public var startMode: String?
    /// The workflow inputs, verbatim, and the key they came under.
    public var inputParameters: [JSONValue]?
    /// `input-parameters` (7.1 XML, 8.x JSON) or `parameter` (Swagger).
    public var inputParametersKey: String
    /// Server-set members: `id`, `href`, `state`, `relations`, `user`/`userName`,
    /// `running-instance-id`, verbatim.
    public var server: JSONObject
    /// Members the digest does not list, verbatim.
    public var unknown: JSONObject

    /// The members the server sets (vco.md §3.1 "Owner: server").
    public static let serverKeys: Set<String> = [
        "id", "href", "state", "relations", "user", "userName", "running-instance-id",
    ]

    /// Creates a task body.
    public init(workflow: JSONObject, recurrenceStartDate: String) {
        self.workflow = workflow
        self.recurrenceStartDate = recurrenceStartDate
        inputParametersKey = "input-parameters"
        server = [:]
        unknown = [:]
    }

    /// Reads a task at `path`.
    public init(_ json: JSONValue, at path: JSONPath = .root) throws(TaskDecodingError) {
        var reader = try JSONFieldReader(json, at: path, product: .vco)
        name = try reader.string("name")
        description = try reader.string("description")
        guard let workflow = try reader.object("workflow") else {
            throw reader.missing("workflow", "an object with the workflow's id")
        }
        guard case .string? = workflow.members["id"] else {
            throw TaskDecodingError(
                product: .vco, path: path.appending("workflow").appending("id"), value: workflow.members["id"],
                expected: "the workflow's id as a string")
        }
        self.workflow = workflow.members
        recurrenceCycle = try reader.string("recurrence-cycle")
        recurrencePattern = try reader.string("recurrence-pattern")
        recurrenceStartDate = try reader.requiredString("recurrence-start-date")
        recurrenceEndDate = try reader.string("recurrence-end-date")
        startMode = try reader.string("start-mode")
        inputParametersKey = "input-parameters"
        if let items = try reader.array("input-parameters") {
            inputParameters = items
        } else if let items = try reader.array("parameter") {
            inputParameters = items
            inputParametersKey = "parameter"
        }
        var server: JSONObject = [:]
        for key in Self.serverKeys {
            if let value = reader.raw(key) { server[key] = value }
        }
        self.server = server
        unknown = reader.unread
    }

    /// The task as vCO JSON (server members included when set).
    public var json: JSONValue {
        var object = unknown.merging(server) { _, serverValue in serverValue }
        if let name { object["name"] = .string(name) }
        if let description { object["description"] = .string(description) }
        object["workflow"] = .object(workflow)
        if let recurrenceCycle { object["recurrence-cycle"] = .string(recurrenceCycle) }
        if let recurrencePattern { object["recurrence-pattern"] = .string(recurrencePattern) }
        object["recurrence-start-date"] = .string(recurrenceStartDate)
        if let recurrenceEndDate { object["recurrence-end-date"] = .string(recurrenceEndDate) }
        if let startMode { object["start-mode"] = .string(startMode) }
        if let inputParameters { object[inputParametersKey] = .array(inputParameters) }
        return .object(object)
    }
}

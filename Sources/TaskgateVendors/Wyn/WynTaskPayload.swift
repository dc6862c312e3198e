public import TaskgateCore

/// A Wyn Enterprise scheduled task, the body of `POST /api/v2/scheduler/tasks` (wyn.md §2.1).
///
/// Channel objects under `deployTo`, `runAs`, `failInformProvider` and `userDetails` are kept as
/// JSON: only some of their members are documented, the rest must travel byte for byte (§2.9).
public struct WynTaskPayload: Hashable, Sendable {
    /// A configuration template id; `""` means configured by hand.
    public var templateId: String?
    /// The task's title (taskgate's name).
    public var description: String
    /// `false`: kept but disabled; absent means `true`.
    public var isActive: Bool?
    /// The report or dashboard the task works on.
    public var documentId: String
    /// The single step, unless the task is compound.
    public var task: WynTaskInfoPayload?
    /// The steps of a compound task (`TaskInfoArray`, §2.3), verbatim.
    public var tasks: JSONValue?
    /// When the task runs.
    public var trigger: WynTriggerPayload
    /// Where the output goes: one channel key (or `localStore` nested in `emailAttach`, §2.10).
    public var deployTo: JSONObject?
    /// Run-history retention, `"0:never_expire"`.
    public var historyDataExpiryDuration: String?
    /// Whether `tasks` is used instead of `task`.
    public var compoundTask: Bool?
    /// The user the run executes as (`RunAs`, §2.5).
    public var runAs: JSONValue?
    /// One address told about failed runs.
    public var failInformEmail: String?
    /// E-mail list and in-app recipients told about failed runs (§2.6).
    public var failInformProvider: JSONValue?
    /// `"Append"`; other values unknown.
    public var operationType: String?
    /// "Operation location path".
    public var location: String?
    /// `Override` or `IncrementalUpdate`.
    public var dataUpdateMode: String?
    /// Members the digest does not list (a server's `id`, timestamps), verbatim.
    public var unknown: JSONObject

    /// Creates a task body.
    public init(
        description: String, documentId: String, task: WynTaskInfoPayload?, trigger: WynTriggerPayload,
        unknown: JSONObject = [:]
    ) {
        self.description = description
        self.documentId = documentId
        self.task = task
        self.trigger = trigger
        self.unknown = unknown
    }

    /// Reads a task at `path`.
    public init(_ json: JSONValue, at path: JSONPath = .root) throws(TaskDecodingError) {
        var reader = try JSONFieldReader(json, at: path, product: .wyn)
        templateId = try reader.string("templateId")
        description = try reader.requiredString("description")
        isActive = try reader.bool("isActive")
        documentId = try reader.requiredString("documentId")
        compoundTask = try reader.bool("compoundTask")
        if let step = reader.raw("task"), step != .null {
            task = try WynTaskInfoPayload(step, at: path.appending("task"))
        }
        tasks = reader.raw("tasks")
        if task == nil && compoundTask != true {
            throw reader.missing("task", "a TaskInfo object (required unless compoundTask is true)")
        }
        if compoundTask == true, tasks == nil || tasks == .null {
            throw reader.missing("tasks", "a TaskInfoArray object when compoundTask is true")
        }
        guard let triggerJSON = reader.raw("trigger"), triggerJSON != .null else {
            throw reader.missing("trigger", "an object with one of explicit, once, pattern, templateId")
        }
        trigger = try WynTriggerPayload(triggerJSON, at: path.appending("trigger"))
        deployTo = try reader.object("deployTo")?.members
        historyDataExpiryDuration = try reader.string("historyDataExpiryDuration")
        runAs = reader.raw("runAs")
        failInformEmail = try reader.string("failInformEmail")
        failInformProvider = reader.raw("failInformProvider")
        operationType = try reader.string("operationType")
        location = try reader.string("location")
        dataUpdateMode = try reader.string("dataUpdateMode")
        unknown = reader.unread
    }

    /// The task as Wyn JSON.
    public var json: JSONValue {
        var object = unknown
        if let templateId { object["templateId"] = .string(templateId) }
        object["description"] = .string(description)
        if let isActive { object["isActive"] = .bool(isActive) }
        object["documentId"] = .string(documentId)
        if let task { object["task"] = task.json }
        if let tasks { object["tasks"] = tasks }
        object["trigger"] = trigger.json
        if let deployTo { object["deployTo"] = .object(deployTo) }
        if let historyDataExpiryDuration { object["historyDataExpiryDuration"] = .string(historyDataExpiryDuration) }
        if let compoundTask { object["compoundTask"] = .bool(compoundTask) }
        if let runAs { object["runAs"] = runAs }
        if let failInformEmail { object["failInformEmail"] = .string(failInformEmail) }
        if let failInformProvider { object["failInformProvider"] = failInformProvider }
        if let operationType { object["operationType"] = .string(operationType) }
        if let location { object["location"] = .string(location) }
        if let dataUpdateMode { object["dataUpdateMode"] = .string(dataUpdateMode) }
        return .object(object)
    }
}

public import TaskgateCore

/// One step of a Wyn task (`TaskInfo`, wyn.md §2.2): the task type, its settings as JSON inside a
/// string, report parameters as JSON inside a string, the document and the owner.
public struct WynTaskInfoPayload: Hashable, Sendable {
    /// `RptExport`, `DashExport`, `DatasetRefresh`, … (10 values).
    public var taskType: String
    /// The task type's settings: a JSON document serialised into a string, verbatim.
    public var payload: String
    /// Report parameter values: a JSON document in a string (`"{}"` for none), verbatim.
    public var parameters: String?
    /// The document of this step.
    public var documentId: String
    /// The owner or creator (`UserDetails`, §2.4), verbatim.
    public var userDetails: JSONValue?
    /// Members the digest does not list, verbatim.
    public var unknown: JSONObject

    /// Creates a step.
    public init(
        taskType: String, payload: String, parameters: String? = nil, documentId: String,
        userDetails: JSONValue? = nil, unknown: JSONObject = [:]
    ) {
        self.taskType = taskType
        self.payload = payload
        self.parameters = parameters
        self.documentId = documentId
        self.userDetails = userDetails
        self.unknown = unknown
    }

    /// Reads a step at `path`.
    init(_ json: JSONValue, at path: JSONPath) throws(TaskDecodingError) {
        var reader = try JSONFieldReader(json, at: path, product: .wyn)
        taskType = try reader.requiredString("taskType")
        payload = try reader.requiredString("payload")
        parameters = try reader.string("parameters")
        documentId = try reader.requiredString("documentId")
        userDetails = reader.raw("userDetails")
        unknown = reader.unread
    }

    /// The step as Wyn JSON.
    public var json: JSONValue {
        var object = unknown
        object["taskType"] = .string(taskType)
        object["payload"] = .string(payload)
        if let parameters { object["parameters"] = .string(parameters) }
        object["documentId"] = .string(documentId)
        if let userDetails { object["userDetails"] = userDetails }
        return .object(object)
    }
}

/// What a task does.
public struct TaskAction: Hashable, Sendable {
    /// The kind, from the vocabulary in `mappings/`: `export`, `refresh`, `reload`, `share`,
    /// `run-workflow`, `fylr-module`.
    public var kind: String
    /// The output format, where there is one: `pdf`, `xlsx`.
    public var format: String?
    /// The product's settings for the action, verbatim.
    public var parameters: JSONObject
    /// How long one run may take, in seconds; `nil` for no limit.
    public var timeoutSeconds: Int?

    /// Creates an action.
    public init(kind: String, format: String? = nil, parameters: JSONObject = [:], timeoutSeconds: Int? = nil) {
        self.kind = kind
        self.format = format
        self.parameters = parameters
        self.timeoutSeconds = timeoutSeconds
    }
}

import TaskgateCore

/// A Qlik Cloud sharing task as `/api/v1/sharing-tasks` reads and writes it (qlik-sharing.md
/// §5.1–§5.2), field by field: the fields taskgate interprets, the create fields it carries
/// verbatim, the server-set fields, and any member the digest does not name.
struct QlikSharingTaskPayload: Hashable, Sendable {
    /// Create fields (§5.2) without a canonical home, written back verbatim.
    static let passthroughFields: Set<String> = [
        "tags", "subType", "appName", "message", "spaceId", "startTime", "expiration", "retentionPolicy",
        "executeOnCreation", "distributionListId", "cleanupStrategy", "persistentBookmarkIncludeVariables",
    ]
    /// Fields the server sets (§5.1 "server" column): read into server state, never written.
    static let serverFields: Set<String> = [
        "id", "templateId", "appId", "owner", "ownerName", "tenant", "createdBy", "updatedBy", "dateCreated",
        "lastUpdated", "lastViewed", "enabledByUser", "enabledBySystem", "encryptedEmailContent", "lastRun",
        "lastExecutionDate", "nextScheduledRun", "statusCode", "statusLabel", "taskErrors", "selectionErrors",
        "failedExecutionsCount", "failedVerificationsCount", "isCandidateForVerification", "hasSectionAccess",
        "insightID", "insightDirectURL", "insightFallbackURL", "multiInsightURLs", "thumbnail", "reportProperties",
        "encryptedState", "encryptedTemplates", "byokMigrationId", "links", "latestExecutionURL",
        "latestExecutionFilesURL",
    ]
    /// Fields taskgate interprets.
    static let interpretedFields: Set<String> = [
        "name", "description", "type", "enabled", "state", "templates", "recipients", "emailContent",
        "transportChannels", "sharePointFolder", "dataConnectionID", "scheduleOptions", "trigger",
    ]

    var name: String
    var description: String?
    /// `chart-monitoring`, `chart-sharing`, `sheet-sharing`, `template-sharing`.
    var type: String
    var enabled: Bool?
    /// Selections (§5.3), verbatim.
    var state: JSONValue?
    /// What to render (§5.5), verbatim.
    var templates: [JSONValue]
    var recipients: QlikSharingRecipientsPayload?
    /// `emailContent.subject` and `.body`.
    var emailSubject: String?
    var emailBody: String?
    /// Whether `emailContent` was there.
    var hasEmailContent: Bool
    /// `email`, `sharepoint`.
    var transportChannels: [String]?
    var sharePointFolder: String?
    var dataConnectionID: String?
    var scheduleOptions: QlikSharingScheduleOptionsPayload?
    /// The legacy trigger (§6.1) without its server-set `chronosJobID`.
    var trigger: JSONObject?
    /// Create fields carried verbatim.
    var passthrough: JSONObject
    /// Server-set fields, by path.
    var server: [JSONPath: JSONValue]
    /// Members the digest does not name, verbatim.
    var unknown: JSONObject

    /// Reads a task in the request or the response shape.
    init(_ json: JSONValue, product: Product) throws(TaskDecodingError) {
        let fields = try JSONFields(json, at: .root, product: product)
        name = try fields.requiredString("name")
        description = try fields.string("description")
        type = try fields.requiredString("type")
        enabled = try fields.bool("enabled")
        state = fields.members["state"]
        guard let templates = try fields.array("templates") else {
            throw fields.error("templates", nil, expected: "an array of templates")
        }
        self.templates = templates
        server = [:]
        for key in Self.serverFields {
            if let value = fields.members[key] { server[JSONPath(components: [.key(key)])] = value }
        }
        if let recipients = try fields.object("recipients") {
            let payload = try QlikSharingRecipientsPayload(recipients)
            self.recipients = payload
            for (path, value) in payload.server {
                server[JSONPath(components: [.key("recipients")] + path.components)] = value
            }
        }
        let content = try fields.object("emailContent")
        hasEmailContent = content != nil
        emailSubject = try content?.string("subject")
        emailBody = try content?.string("body")
        transportChannels = try fields.strings("transportChannels")
        sharePointFolder = try fields.string("sharePointFolder")
        dataConnectionID = try fields.string("dataConnectionID")
        if let options = try fields.object("scheduleOptions") {
            let payload = try QlikSharingScheduleOptionsPayload(options)
            scheduleOptions = payload
            for (key, value) in payload.server {
                server[JSONPath(components: [.key("scheduleOptions"), .key(key)])] = value
            }
        }
        if let trigger = try fields.object("trigger") {
            guard try trigger.strings("recurrence") != nil else {
                throw trigger.error("recurrence", nil, expected: "RRULE lines (required whenever `trigger` is there)")
            }
            self.trigger = trigger.members(except: ["chronosJobID"])
            if let job = trigger.members["chronosJobID"] { server["trigger.chronosJobID"] = job }
        }
        passthrough = fields.members.filter { Self.passthroughFields.contains($0.key) }
        unknown = fields.members(
            except: Self.passthroughFields.union(Self.serverFields).union(Self.interpretedFields))
    }

    /// The app the task renders: the first template's app (or report template), else the server's `appId`.
    var appID: String? {
        for template in templates {
            for key in ["chartData", "sheetData", "storyData"] {
                if let id = template[key]?["appId"]?.stringValue { return id }
            }
            if let id = template["multiSheetData"]?.arrayValue?.first?["appId"]?.stringValue { return id }
            // A report template names its report only by `templateId` (§5.5; what the encoder writes).
            if let id = template["templateId"]?.stringValue, !id.isEmpty { return id }
        }
        return server["appId"]?.stringValue
    }
}

import TaskgateCore

/// `recipients` of a sharing task in either shape (qlik-sharing.md §5.6): the request shape
/// (`emailAddresses` as strings, `userIds[].enabled`) and the persisted shape of responses
/// (`emailAddresses[].value`, `userIds[].enabledByUser`, `groupIds`, `netRecipientCount`). It is
/// written in the request shape; what only the persisted shape has is server state.
struct QlikSharingRecipientsPayload: Hashable, Sendable {
    /// One internal user, in the request shape.
    struct User: Hashable, Sendable {
        /// The tenant's user id (missing in the seed's placeholder `"userIds":[{}]`).
        var value: String?
        /// Request members besides `value` (`groups`, `enabled`, `subscribed`), verbatim.
        var settings: JSONObject
    }

    /// Members of a persisted user that the request shape has no place for.
    static let persistedUserFields: Set<String> = [
        "enabledBySystem", "taskRecipientErrors", "alertingTaskRecipientErrors",
    ]

    /// Internal users.
    var userIDs: [User]
    /// External addresses.
    var emailAddresses: [String]
    /// Distribution-list members and members the digest does not name, verbatim.
    var other: JSONObject
    /// What only the persisted shape says, by path under `recipients`.
    var server: [JSONPath: JSONValue]
    /// Whether `userIds` was there (an empty list is written back, a missing one is not).
    var hasUserIDs: Bool
    /// Whether `emailAddresses` was there.
    var hasEmailAddresses: Bool

    /// Reads either shape.
    init(_ fields: JSONFields) throws(TaskDecodingError) {
        userIDs = []
        emailAddresses = []
        server = [:]
        hasUserIDs = fields.members["userIds"] != nil
        hasEmailAddresses = fields.members["emailAddresses"] != nil
        for (index, item) in (try fields.array("userIds") ?? []).enumerated() {
            let user = try JSONFields(
                item, at: fields.path.appending("userIds").appending(index), product: fields.product)
            var settings = user.members(except: Self.persistedUserFields.union(["value", "enabledByUser"]))
            if let enabled = try user.bool("enabledByUser") { settings["enabled"] = .bool(enabled) }
            for (key, value) in user.members where Self.persistedUserFields.contains(key) {
                server[JSONPath(components: [.key("userIds"), .index(index), .key(key)])] = value
            }
            userIDs.append(User(value: try user.string("value"), settings: settings))
        }
        for (index, item) in (try fields.array("emailAddresses") ?? []).enumerated() {
            switch item {
            case .string(let address): emailAddresses.append(address)
            case .object:
                let address = try JSONFields(
                    item, at: fields.path.appending("emailAddresses").appending(index), product: fields.product)
                emailAddresses.append(try address.requiredString("value"))
                for (key, value) in address.members where key != "value" {
                    server[JSONPath(components: [.key("emailAddresses"), .index(index), .key(key)])] = value
                }
            default:
                throw fields.error("emailAddresses", item, expected: "an address or an object with `value`")
            }
        }
        for key in ["groupIds", "netRecipientCount"] {
            if let value = fields.members[key] { server[JSONPath(components: [.key(key)])] = value }
        }
        other = fields.members(except: ["userIds", "emailAddresses", "groupIds", "netRecipientCount"])
    }

    /// Request-shaped recipients for users and addresses.
    init(userIDs: [String], emailAddresses: [String]) {
        self.userIDs = userIDs.map { User(value: $0, settings: [:]) }
        self.emailAddresses = emailAddresses
        self.other = [:]
        self.server = [:]
        self.hasUserIDs = !userIDs.isEmpty
        self.hasEmailAddresses = !emailAddresses.isEmpty
    }

    /// The request shape: members that were empty and absent stay absent.
    var createJSON: JSONValue {
        var members = other
        if hasUserIDs || !userIDs.isEmpty {
            members["userIds"] = .array(
                userIDs.map { user in
                    var object = user.settings
                    if let value = user.value { object["value"] = .string(value) }
                    return .object(object)
                })
        }
        if hasEmailAddresses || !emailAddresses.isEmpty {
            members["emailAddresses"] = .array(emailAddresses.map(JSONValue.string))
        }
        return .object(members)
    }
}

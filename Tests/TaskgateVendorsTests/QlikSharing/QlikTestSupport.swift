import Foundation
import TaskgateCore
import TaskgateVendors

/// Fixtures, context and normalisers shared by the Qlik adapter tests.
enum QlikTestSupport {
    /// 2026-11-23T16:00:00Z.
    static let now = Instant(parsingRFC3339: "2026-11-23T16:00:00Z") ?? Instant(secondsSinceEpoch: 0)

    /// The Qlik part of `mappings/vocabulary.yaml`.
    static let vocabulary = Vocabulary(
        actions: [
            .qlikSharing: [
                ActionTerm(values: ["type": "sheet-sharing"], action: "export", target: "sheet"),
                ActionTerm(values: ["type": "chart-sharing"], action: "export", target: "chart"),
                ActionTerm(values: ["type": "template-sharing"], action: "export", target: "report"),
                ActionTerm(values: ["type": "chart-monitoring"], action: "monitor", target: "chart"),
            ],
            .qlikScheduling: [ActionTerm(values: ["refName": "app.reload"], action: "refresh", target: "app")],
        ],
        deliveries: [
            .qlikSharing: [
                DeliveryTerm(key: "email", channel: .email(.attachment)),
                DeliveryTerm(key: "sharepoint", channel: .storage("sharepoint")),
            ]
        ])

    /// The context every test uses.
    static func context(idMap: IDMap = IDMap()) -> AdapterContext {
        AdapterContext(vocabulary: vocabulary, idMap: idMap, zones: ZoneResolver(), now: now)
    }

    /// The fixture folder of a product.
    static func folder(_ product: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(product)
    }

    /// A fixture as JSON.
    static func fixture(_ product: String, _ name: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: folder(product).appendingPathComponent(name)))
    }

    /// The JSON fixture names of a product, sorted.
    static func fixtureNames(_ product: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder(product).path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The example files of a product in `examples/`.
    static func examples(_ product: String) -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
            .appendingPathComponent(product)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted().map { root.appendingPathComponent($0) }
    }

    /// Sorted-key JSON text, for comparing documents and printing them in failures.
    static func text(_ value: JSONValue?) -> String {
        guard let value else { return "nil" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "?"
    }

    /// A sharing task as its create request carries it: server-set fields left out, recipients in
    /// the request shape, `enabled` defaulting to true (qlik-sharing.md §5.1, §5.6).
    static func sharingCreateForm(_ value: JSONValue) -> JSONValue {
        guard case .object(var task) = value else { return value }
        for key in [
            "id", "templateId", "appId", "owner", "ownerName", "tenant", "createdBy", "updatedBy", "dateCreated",
            "lastUpdated", "lastViewed", "enabledByUser", "enabledBySystem", "encryptedEmailContent", "lastRun",
            "lastExecutionDate", "nextScheduledRun", "statusCode", "statusLabel", "taskErrors", "selectionErrors",
            "failedExecutionsCount", "failedVerificationsCount", "isCandidateForVerification", "hasSectionAccess",
            "insightID", "insightDirectURL", "insightFallbackURL", "multiInsightURLs", "thumbnail",
            "reportProperties", "encryptedState", "encryptedTemplates", "byokMigrationId", "links",
            "latestExecutionURL", "latestExecutionFilesURL",
        ] {
            task[key] = nil
        }
        if task["enabled"] == nil { task["enabled"] = .bool(true) }
        if case .object(var options)? = task["scheduleOptions"] {
            for key in ["chronosJobID", "lastExecutionTime", "nextExecutionTime"] { options[key] = nil }
            task["scheduleOptions"] = .object(options)
        }
        if case .object(var trigger)? = task["trigger"] {
            trigger["chronosJobID"] = nil
            task["trigger"] = .object(trigger)
        }
        if case .object(var recipients)? = task["recipients"] {
            recipients["groupIds"] = nil
            recipients["netRecipientCount"] = nil
            if case .array(let addresses)? = recipients["emailAddresses"] {
                recipients["emailAddresses"] = .array(addresses.map { $0["value"] ?? $0 })
            }
            if case .array(let users)? = recipients["userIds"] {
                recipients["userIds"] = .array(
                    users.map { user in
                        guard case .object(var object) = user else { return user }
                        if let enabled = object["enabledByUser"] { object["enabled"] = enabled }
                        for key in [
                            "enabledByUser", "enabledBySystem", "taskRecipientErrors", "alertingTaskRecipientErrors",
                        ] {
                            object[key] = nil
                        }
                        return .object(object)
                    })
            }
            task["recipients"] = .object(recipients)
        }
        return .object(task)
    }

    /// A scheduling task as its create request carries it: no `id`, `resourceId` or server
    /// metadata; `enabled` defaulting to false (qlik-scheduling.md §3, §11).
    static func schedulingCreateForm(_ value: JSONValue) -> JSONValue {
        guard case .object(var task) = value else { return value }
        task["id"] = nil
        task["resourceId"] = nil
        if task["enabled"] == nil { task["enabled"] = .bool(false) }
        if case .object(let metadata)? = task["metadata"] {
            let kept = metadata.filter { ["usage", "spaceId"].contains($0.key) }
            task["metadata"] = kept.isEmpty ? nil : .object(kept)
        }
        return .object(task)
    }
}

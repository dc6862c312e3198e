import Foundation
import TaskgateCore
import TaskgateMappings
import TaskgateVendors
import Testing

/// Shared setup for the adapter tests: the repository's mapping files, a fixed "now", JSON files
/// in and out, golden files (`TASKGATE_RECORD=1` rewrites them and fails).
enum VendorTesting {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// 2026-11-23T00:00:00Z.
    static let now = Instant(secondsSinceEpoch: 1_795_392_000)

    static let mappings: (Vocabulary, ZoneResolver) = {
        let directory = repository.appendingPathComponent("mappings")
        do {
            return (
                try VocabularyLoader.vocabulary(in: directory), try ZoneMappingLoader.resolver(in: directory)
            )
        } catch {
            fatalError("mappings: \(error)")
        }
    }()

    static func context(idMap: IDMap = IDMap()) -> AdapterContext {
        AdapterContext(vocabulary: mappings.0, idMap: idMap, zones: mappings.1, now: now)
    }

    static func json(_ url: URL) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The example and fixture task files of a product, sorted by name.
    static func taskFiles(_ product: String) throws -> [URL] {
        var files: [URL] = []
        for folder in [
            repository.appendingPathComponent("examples").appendingPathComponent(product),
            fixtures.appendingPathComponent(product),
        ] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            files += names.filter { $0.hasSuffix(".json") && !$0.contains(".golden.") && !$0.hasPrefix("bad-") }
                .map { folder.appendingPathComponent($0) }
        }
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Compares `actual` with the golden file; `TASKGATE_RECORD=1` rewrites it and fails.
    static func expectGolden(_ actual: String, _ product: String, _ name: String) throws {
        let url = fixtures.appendingPathComponent(product).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TASKGATE_RECORD"] == "1" {
            try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(product)/\(name)")
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden \(name)>\n"
        #expect(actual + "\n" == expected, "golden \(product)/\(name)")
    }

    /// A stable text of a canonical task: every field, sorted, with the schedule's first instants.
    static func render(_ task: CanonicalTask) -> String {
        var lines: [String] = []
        lines.append(
            "identity: \(task.identity.product) name=\(quoted(task.identity.name)) description=\(optional(task.identity.description))"
        )
        lines.append("enabled: \(task.enabled)")
        if let target = task.target {
            lines.append("target: \(target.kind) \(target.id) name=\(optional(target.name))")
        }
        lines.append(
            "action: \(task.action.kind) format=\(optional(task.action.format)) timeout=\(optional(task.action.timeoutSeconds.map(String.init)))"
        )
        if !task.action.parameters.isEmpty {
            lines.append("action.parameters: \(compact(.object(task.action.parameters)))")
        }
        lines.append(contentsOf: renderSchedule(task.schedule))
        for delivery in task.deliveries {
            switch delivery {
            case .email(let email):
                lines.append(
                    "delivery: email \(email.mode.rawValue) to=\(email.recipients) users=\(email.userRecipients) cc=\(email.copies) subject=\(optional(email.subject)) body=\(optional(email.body))"
                )
            case .storage(let store):
                lines.append(
                    "delivery: storage \(store.kind) location=\(optional(store.location)) settings=\(compact(.object(store.settings)))"
                )
            case .notification(let notice):
                lines.append("delivery: notification \(notice.kind) recipients=\(notice.recipients)")
            }
        }
        if let owner = task.owner { lines.append("owner: \(principal(owner))") }
        if let runAs = task.runAs { lines.append("runAs: \(principal(runAs))") }
        if let notice = task.onFailure { lines.append("onFailure: emails=\(notice.emails) users=\(notice.userIDs)") }
        for (product, fields) in task.extensions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (path, value) in fields.sorted(by: { $0.key < $1.key }) {
                lines.append("extension \(product) \(path) = \(compact(value))")
            }
        }
        let server = task.server
        lines.append(
            "server: id=\(optional(server.id)) status=\(optional(server.status)) next=\(optional(server.nextRun?.description)) last=\(optional(server.lastRun?.description))"
        )
        for (path, value) in server.fields.sorted(by: { $0.key < $1.key }) {
            lines.append("server \(path) = \(compact(value))")
        }
        for (field, path) in task.provenance.sorted(by: { $0.key < $1.key }) {
            lines.append("provenance \(field.rawValue) <- \(path)")
        }
        return lines.joined(separator: "\n")
    }

    static func renderSchedule(_ schedule: Schedule) -> [String] {
        var lines: [String] = []
        switch schedule.kind {
        case .manual: lines.append("schedule: manual zone=\(schedule.zone)")
        case .once(let instant): lines.append("schedule: once \(instant) zone=\(schedule.zone)")
        case .event(let event): lines.append("schedule: event \(quoted(event)) zone=\(schedule.zone)")
        case .recurring(let rules):
            lines.append(
                "schedule: \(rules.count) rule(s) zone=\(schedule.zone) start=\(optional(schedule.window.start?.description)) end=\(optional(schedule.window.end?.description))"
            )
            if let text = try? Dialect.rrule.print(schedule) {
                lines += text.lines.map { "schedule.rrule: \($0)" }
            }
            if let instants = try? schedule.nextOccurrences(after: Instant(secondsSinceEpoch: 0), count: 3) {
                lines.append("schedule.first: \(instants.map(\.description).joined(separator: " "))")
            }
        }
        return lines
    }

    static func renderLosses(_ losses: [Loss]) -> String {
        losses.map { "\($0.path) = \(compact($0.value)): \($0.reason)" }.joined(separator: "\n")
    }

    static func compact(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func quoted(_ text: String) -> String { "'\(text)'" }
    private static func optional(_ text: String?) -> String { text.map(quoted) ?? "-" }
    private static func principal(_ principal: TaskPrincipal) -> String {
        "id=\(optional(principal.id)) name=\(optional(principal.name)) provider=\(optional(principal.provider)) organization=\(optional(principal.organization))"
    }
}

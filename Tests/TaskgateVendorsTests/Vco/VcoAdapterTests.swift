import Foundation
import TaskgateCore
import TaskgateVendors
import Testing

@Suite("vCO adapter")
struct VcoAdapterTests {
    let adapter = VcoAdapter()

    /// vco.md §9.2, the provider's example, field by field.
    @Test func monthlyExampleDecodesToExactCanonicalValues() throws {
        let json = try VendorTesting.json(
            VendorTesting.repository.appendingPathComponent("examples/vco/02-monthly-1st-and-12th-zurich.json"))
        let task = try adapter.decode(json, context: VendorTesting.context())
        #expect(
            task.identity
                == TaskIdentity(
                    product: .vco, name: "Monthly execution of Dummy Workflow for Task",
                    description: "1st and 12th at midnight"))
        #expect(task.enabled)
        #expect(
            task.target
                == TaskTarget(
                    kind: "workflow", id: "8a7480a1-7e2b-4f44-9c1e-0d3c7c8e9f01", name: "Dummy Workflow for Task"))
        #expect(task.action == TaskAction(kind: "run-workflow"))
        #expect(task.schedule.zone == "Europe/Zurich")
        #expect(task.schedule.window.start == .instant(Instant(parsingRFC3339: "2050-01-06T05:02:00Z")!))
        #expect(task.schedule.window.end == .instant(Instant(parsingRFC3339: "2055-01-06T05:02:00Z")!))
        #expect(
            try task.schedule.nextOccurrences(after: VendorTesting.now, count: 3).map(\.description) == [
                "2050-01-11T23:00:00Z", "2050-01-31T23:00:00Z", "2050-02-11T23:00:00Z",
            ])
        #expect(task.extensions == [:])
        #expect(task.server == ServerState(status: "pending", fields: ["state": .string("pending")]))
    }

    @Test func everyFileDecodesAsItsGolden() throws {
        try AdapterLaws.decodeGoldens(adapter, folder: "vco")
    }

    @Test func roundTripGivesTheSameJSON() throws {
        let suspended = "state: a vco task cannot be created suspended; suspend it after creating (vco.md §9.6)"
        let count = try AdapterLaws.roundTrip(
            adapter, folder: "vco",
            expectedLosses: [
                "06-read-8x-suspended-with-server-fields.json $": [suspended],
                "11-array-of-tasks.json [1]": [
                    "recurrence-pattern: the one-time run is in the past; a vco task created now with start-mode normal never runs it"
                ],
            ],
            normalise: Self.normalise)
        #expect(count == 14)
    }

    /// vCO → Wyn: Wyn has no task type that runs a workflow, so nothing is written; the losses say
    /// what stayed behind.
    @Test func everyFileConvertsToWynAsItsGolden() throws {
        try AdapterLaws.crossGoldens(adapter, folder: "vco", to: WynAdapter()) { _ in IDMap() }
    }

    @Test func theSeedsSwaggerPlaceholderBodyIsRefusedWordForWord() throws {
        let json = try VendorTesting.json(
            VendorTesting.fixtures.appendingPathComponent("vco/bad-seed-004-swagger-example.json"))
        #expect(
            throws: TaskDecodingError(
                product: .vco, path: "start-mode", value: .string("string"), expected: "normal or start-in-the-past")
        ) {
            try adapter.decode(json, context: VendorTesting.context())
        }
    }

    @Test(arguments: [
        (
            #"{"name":"x","recurrence-cycle":"every-days","recurrence-pattern":"(UTC) 01:00:00,","recurrence-start-date":"2026-01-01T00:00:00Z"}"#,
            "vco: workflow is missing; expected an object with the workflow's id"
        ),
        (
            #"{"name":"x","workflow":{"name":"w"},"recurrence-start-date":"2026-01-01T00:00:00Z"}"#,
            "vco: workflow.id is missing; expected the workflow's id as a string"
        ),
        (
            #"{"name":"x","workflow":{"id":"w"},"recurrence-cycle":"every-2-weeks","recurrence-pattern":"(UTC) Monday 01:00:00,","recurrence-start-date":"2026-01-01T00:00:00Z"}"#,
            "vco: recurrence-cycle: 'every-2-weeks' is not valid; expected one of one-time, every-minutes, every-hours, every-days, every-weeks, every-months"
        ),
        (
            #"{"name":"x","workflow":{"id":"w"},"recurrence-cycle":"every-days","recurrence-pattern":"(UTC) 01:00:00,","recurrence-start-date":"next monday"}"#,
            "vco: recurrence-start-date: 'next monday' is not valid; expected an RFC 3339 instant such as 2026-04-04T05:00:00Z"
        ),
        (
            #"{"name":"x","workflow":{"id":"w"},"recurrence-cycle":"every-days","recurrence-pattern":"(UTC) 01:00:00,","recurrence-end-date":"never"}"#,
            "vco: recurrence-start-date is missing; expected a string"
        ),
        (
            #"{"name":"x","workflow":{"id":"w"},"recurrence-cycle":"every-days","recurrence-pattern":"(UTC) 25:00:00,","recurrence-start-date":"2026-01-01T00:00:00Z"}"#,
            "VCO-PATTERN"
        ),
        (
            #"{"name":7,"workflow":{"id":"w"},"recurrence-start-date":"2026-01-01T00:00:00Z"}"#,
            "vco: name: 7 is not valid; expected a string"
        ),
        (
            #"{"name":"x","workflow":{"id":"w"},"recurrence-start-date":"2026-01-01T00:00:00Z","input-parameters":{"name":"a"}}"#,
            "vco: input-parameters: an object is not valid; expected an array"
        ),
    ])
    func decodingErrorsNameThePathTheValueAndTheExpectation(input: String, message: String) throws {
        let expected =
            message == "VCO-PATTERN"
            ? "vco: recurrence-pattern: '(UTC) 25:00:00,' is not valid; expected a every-days pattern (\(Self.patternError))"
            : message
        let actual = try AdapterLaws.decodingError(adapter, input)
        #expect(actual == expected, "actual: \(actual)")
    }

    static let patternError =
        "vco: recurrence-pattern (column 18) '25:00:00': expected HH:MM:SS, an hour 00-23 and a minute and a second 00-59"

    @Test func listShapesAreSplitIntoTasks() throws {
        let envelope = try VendorTesting.json(#"{"tasks":[{"workflow":{"id":"a"}},{"workflow":{"id":"b"}}]}"#)
        #expect(try adapter.taskDocuments(in: envelope).map(\.path.description) == ["tasks[0]", "tasks[1]"])
        let array = try VendorTesting.json(#"[{"workflow":{"id":"a"}}]"#)
        #expect(try adapter.taskDocuments(in: array).map(\.path.description) == ["[0]"])
        #expect(throws: TaskDecodingError.self) { try adapter.taskDocuments(in: .string("x")) }
    }

    /// Server-set members are never written; every version's spelling is read and the current one
    /// written (vco.md §11 V7, V8, V16): the parameter key, enum case, dates in `Z` form, the
    /// canonical pattern, `start-mode` defaulting to `normal`, an empty end meaning none.
    static func normalise(_ json: JSONValue) -> JSONValue {
        guard case .object(var object) = json else { return json }
        for key in VcoTaskPayload.serverKeys { object[key] = nil }
        if case .object(let workflow)? = object["workflow"] {
            object["workflow"] = .object(workflow.filter { $0.key == "id" || $0.key == "name" })
        }
        if let parameters = object["parameter"] {
            object["parameter"] = nil
            object["input-parameters"] = parameters
        }
        let spell = { (text: String) in String(text.lowercased().map { $0 == "_" ? "-" : $0 }) }
        object["start-mode"] = .string(spell(object["start-mode"]?.stringValue ?? "normal"))
        if object["recurrence-end-date"] == .string("") { object["recurrence-end-date"] = nil }
        for key in ["recurrence-start-date", "recurrence-end-date"] {
            if let text = object[key]?.stringValue, let instant = Instant(parsingRFC3339: text) {
                object[key] = .string(instant.description)
            }
        }
        let cycle = spell(object["recurrence-cycle"]?.stringValue ?? "one-time")
        let pattern = object["recurrence-pattern"]?.stringValue ?? ""
        let start = object["recurrence-start-date"]?.stringValue.flatMap { Instant(parsingRFC3339: $0) }
        if let start,
            let schedule = try? Dialect.vco.parse(
                ["\(cycle) \(pattern)"], context: DialectContext(zone: "UTC", reference: start)),
            let line = try? Dialect.vco.print(schedule).lines.first, let space = line.firstIndex(of: " ")
        {
            object["recurrence-cycle"] = .string(String(line[..<space]))
            object["recurrence-pattern"] = .string(String(line[line.index(after: space)...]))
        }
        return .object(object)
    }
}

@Suite("vCO window boundaries")
struct VcoWindowBoundaryTests {
    /// vco.md §11 V10: an end on an occurrence moves one second later, keeping that run whether or
    /// not vCO's end is inclusive; the proof still holds.
    @Test func anEndOnAnOccurrenceMovesOneSecondLater() throws {
        let json = try VendorTesting.json(
            #"{"name":"x","workflow":{"id":"w"},"recurrence-cycle":"every-days","recurrence-pattern":"(UTC) 01:00:00,","recurrence-start-date":"2026-03-01T00:00:00Z","recurrence-end-date":"2026-03-05T01:00:00Z","start-mode":"normal"}"#
        )
        let adapter = VcoAdapter()
        let encoded = adapter.encode(
            try adapter.decode(json, context: VendorTesting.context()), context: VendorTesting.context())
        #expect(encoded.schedule.status == .exact)
        #expect(encoded.json?["recurrence-end-date"] == .string("2026-03-05T01:00:01Z"))
    }
}

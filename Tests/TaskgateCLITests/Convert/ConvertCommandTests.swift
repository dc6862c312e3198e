import ArgumentParser
import Foundation
import Synchronization
import TaskgateCore
import Testing

@testable import taskgate

/// `taskgate convert` end to end, in process, on real files in temporary folders.
@Suite struct ConvertCommandTests {
    @Test func fylrToFylrOverTheExamplesWritesExactFilesAndReport() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        let result = try await ConvertTesting.run([
            "--from", "fylr", "--to", "fylr", ConvertTesting.examples, "-o", folder + "/out", "--report",
            folder + "/report.json", "--jobs", "3",
        ])
        #expect(result.exitCode == 0)
        #expect(
            result.standardOutput == """
                status      tasks
                exact          13
                lossy           0
                impossible      0
                failed          0

                """)
        #expect(result.standardError == "")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        let examples = try FileManager.default.contentsOfDirectory(atPath: ConvertTesting.examples).sorted()
        #expect(names == examples)
        var recorded = false
        for name in names {
            let actual = try ConvertTesting.read(folder + "/out/" + name)
            let golden = try ConvertTesting.golden("out/" + name, actual)
            recorded = recorded || golden.recorded
            #expect(actual == golden.expected, "\(name)")
        }
        let report = try ConvertTesting.read(folder + "/report.json")
            .replacingOccurrences(of: ConvertTesting.root, with: "ROOT")
            .replacingOccurrences(of: folder, with: "TMP")
        let golden = try ConvertTesting.golden("report.json", report)
        #expect(report == golden.expected)
        if recorded || golden.recorded { Issue.record("recorded the golden files; run again without TASKGATE_RECORD") }
    }

    @Test func aBadFileAmongGoodOnesIsReportedAndTheRestGoOn() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: ConvertTesting.examples + "/05-manual-no-run.json", toPath: folder + "/in/a-good.json")
        try #"{"task": {"task_module": "search", "task_timeout_sec": "soon"}}"#.write(
            toFile: folder + "/in/b-wrong-type.json", atomically: true, encoding: .utf8)
        try #"{"task": {"task_module": "search",}"#.write(
            toFile: folder + "/in/c-malformed.json", atomically: true, encoding: .utf8)
        try Data([0x7B, 0x22, 0xFF, 0x22, 0x7D]).write(to: URL(fileURLWithPath: folder + "/in/d-latin1.json"))
        try
            #"{"objects": [{"task": {"task_module": "search", "next_run_at": null}}, {"task": {"_id": "x", "task_module": "search"}}]}"#
            .write(toFile: folder + "/in/e-list.json", atomically: true, encoding: .utf8)
        let result = try await ConvertTesting.run([
            "--from", "fylr", "--to", "fylr", folder + "/in", "-o", folder + "/out", "--json",
        ])
        #expect(result.exitCode == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted() == [
                "a-good.json", "e-list.json",
            ])
        let failures = result.report.tasks.filter { $0.status == .failed }.map {
            "\($0.file.replacingOccurrences(of: folder, with: "TMP")) \($0.path): \($0.error ?? "")"
        }
        #expect(
            failures == [
                "TMP/in/b-wrong-type.json $: fylr: task.task_timeout_sec: 'soon' is not valid; expected an integer",
                "TMP/in/c-malformed.json $: not valid JSON: line 1, column 35: found '}'; expected a member name in double "
                    + "quotes",
                "TMP/in/d-latin1.json $: not UTF-8 text (bad byte at offset 2); expected a JSON document",
                "TMP/in/e-list.json objects[1]: fylr: objects[1].task._id: 'x' is not valid; expected an integer",
            ])
        #expect(result.report.summary == ["exact": 2, "lossy": 0, "impossible": 0, "failed": 4])
        let written = try ConvertTesting.read(folder + "/out/e-list.json")
        #expect(written.hasPrefix("[\n  {\n    \"_basetype\" : \"task\""))
    }

    @Test func theJSONReportIsStreamedAsTheCommandPrintsIt() async throws {
        // The command hands `--json` to standard output a megabyte at a time from the spool; the text is the
        // one an in-process run returns, and the same as `--report FILE`.
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = [
            "--from", "fylr", "--to", "fylr", ConvertTesting.examples, "-o", folder + "/out", "--json", "--now",
            ConvertTesting.now,
        ]
        var returned = try ConvertCommand.parse(arguments + ["--report", folder + "/report.json"]).makeRun()
        returned.progress = false
        let inMemory = try await returned.execute { Data() }
        let chunks = Mutex<[Data]>([])
        var streamed = try ConvertCommand.parse(arguments).makeRun()
        streamed.progress = false
        streamed.keepsTasks = false
        streamed.reportOutput = { chunk in chunks.withLock { $0.append(chunk) } }
        let result = try await streamed.execute { Data() }
        #expect(result.standardOutput == "")
        let text = String(decoding: chunks.withLock { $0.reduce(Data(), +) }, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"from\" : \"fylr\""))
        #expect(text == inMemory.standardOutput)
        #expect(text == (try ConvertTesting.read(folder + "/report.json")))
    }

    @Test func anOutputOverAnInputIsRefused() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        try FileManager.default.copyItem(
            atPath: ConvertTesting.examples + "/01-nightly-purge-current.json", toPath: folder + "/task.json")
        let before = try ConvertTesting.read(folder + "/task.json")
        await #expect(throws: CommandFailure.self) {
            _ = try await ConvertTesting.run([
                "--from", "fylr", "--to", "fylr", folder + "/task.json", "-o", folder + "/.",
            ])
        }
        do {
            _ = try await ConvertTesting.run(["--from", "fylr", "--to", "fylr", folder + "/task.json", "-o", folder])
        } catch {
            #expect(
                String(describing: error)
                    == "refusing to write \(folder)/task.json: it is an input file; choose another -o DIR")
        }
        #expect(try ConvertTesting.read(folder + "/task.json") == before)
    }

    @Test func standardInputGoesToStandardOutput() async throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: ConvertTesting.examples + "/09-one-shot-start-at.json"))
        let result = try await ConvertTesting.run(["--from", "fylr", "--to", "fylr", "-"], standardInput: input)
        #expect(result.exitCode == 0)
        #expect(
            result.standardOutput
                == (try ConvertTesting.read(ConvertTesting.fixtures + "/out/09-one-shot-start-at.json")))
        #expect(result.report.tasks.map(\.file) == ["-"])
        #expect(result.standardError.hasPrefix("status      tasks\nexact           1\n"))
    }

    @Test func aWynRefreshBecomesAQlikReloadThroughTheIDMapAndReportsWhatItDrops() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        let result = try await ConvertTesting.run([
            "--from", "wyn", "--to", "qlik-scheduling",
            ConvertTesting.root + "/examples/wyn/03-sales-dataset-refresh.json",
            "--id-map", ConvertTesting.root + "/examples/id-map.json", "-o", folder,
        ])
        #expect(result.exitCode == 1)
        let task = try #require(result.report.tasks.first)
        #expect(task.status == .lossy)
        #expect(
            task.losses.map { "\($0.path): \($0.reason)" } == [
                "dataUpdateMode: qlik-scheduling has no field for wyn's 'dataUpdateMode'",
                "task.parameters: qlik-scheduling has no field for wyn's 'task.parameters'",
                "trigger: qlik-scheduling holds one recurrence per task (H16): this rule needs a separate task",
            ])
        let written = try ConvertTesting.read(folder + "/03-sales-dataset-refresh.json")
        #expect(written.contains(#""appId" : "5e7f0c3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b""#))
        #expect(written.contains(#""recurrence" : "RRULE:FREQ=DAILY;BYSECOND=0;BYMINUTE=30;BYHOUR=9;BYDAY=MO""#))
    }

    @Test func aTaskTheTargetCannotRunIsImpossibleWithItsReasons() async throws {
        let result = try await ConvertTesting.run([
            "--from", "fylr", "--to", "vco", ConvertTesting.examples + "/11-new-york-daily-minimal.json",
            "-o", try ConvertTesting.temporaryFolder(),
        ])
        #expect(result.exitCode == 1)
        #expect(
            result.report.tasks.map(\.error) == [
                "$: vco needs a workflow; the task has no target; task.task_module: vco has no field for fylr's "
                    + "'task.task_module'; task.task_module: vco runs a workflow; the fylr action 'search' is not "
                    + "transferable; task.task_params: vco workflow inputs are not fylr settings"
            ])
    }

    @Test func severalInputsNeedAnOutputFolder() async throws {
        do {
            _ = try await ConvertTesting.run(["--from", "fylr", "--to", "fylr", ConvertTesting.examples])
            Issue.record("converted without -o")
        } catch {
            #expect(
                String(describing: error)
                    == "11 input files need -o DIR; without it one input's result goes to standard output")
        }
    }

    @Test func globsAndNestedFoldersKeepTheirNames() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in/nested", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: ConvertTesting.examples + "/05-manual-no-run.json", toPath: folder + "/in/nested/manual.json")
        try "not json".write(toFile: folder + "/in/nested/notes.txt", atomically: true, encoding: .utf8)
        let result = try await ConvertTesting.run([
            "--from", "fylr", "--to", "fylr", ConvertTesting.examples + "/0[12]-*.json", folder + "/in", "-o",
            folder + "/out",
        ])
        #expect(result.exitCode == 0)
        #expect(
            result.report.tasks.compactMap { $0.output?.replacingOccurrences(of: folder, with: "TMP") } == [
                "TMP/out/01-nightly-purge-current.json", "TMP/out/02-weekday-tagging-legacy.json",
                "TMP/out/nested/manual.json",
            ])
    }
}

/// The command streams its report: what it writes is what an in-process run that keeps every task writes,
/// and it keeps none.
@Suite struct ConvertReportStreamingTests {
    @Test func theStreamedReportIsTheKeptReportsText() async throws {
        var texts: [String] = []
        var kept: [Int] = []
        for keepsTasks in [true, false] {
            let folder = try ConvertTesting.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var run = try ConvertCommand.parse([
                "--from", "fylr", "--to", "wyn", ConvertTesting.examples, "-o", folder + "/out", "--report",
                folder + "/report.json", "--jobs", "3", "--now", ConvertTesting.now,
            ]).makeRun()
            run.progress = false
            run.keepsTasks = keepsTasks
            let result = try await run.execute { Data() }
            kept.append(result.report.tasks.count)
            #expect(result.report.summary.values.reduce(0, +) == 13)
            texts.append(try ConvertTesting.read(folder + "/report.json").replacingOccurrences(of: folder, with: "TMP"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out", "report.json"])
        }
        #expect(kept == [13, 0])
        #expect(texts[0] == texts[1])
        // The members in the order they are known, the summary last.
        #expect(texts[0].hasPrefix("{\n  \"from\" : \"fylr\",\n  \"to\" : \"wyn\",\n  \"tasks\" : [\n    {\n"))
        #expect(
            texts[0].hasSuffix(
                """
                    }
                  ],
                  "summary" : {
                    "exact" : 0,
                    "failed" : 0,
                    "impossible" : 13,
                    "lossy" : 0
                  }
                }

                """))
    }

    /// The streamed report holds what `JSONEncoder` writes for the kept report, members in another order.
    @Test func theStreamedReportDecodesAsTheKeptReport() async throws {
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var run = try ConvertCommand.parse([
            "--from", "wyn", "--to", "qlik-sharing", ConvertTesting.root + "/examples/wyn", "-o", folder + "/out",
            "--report", folder + "/report.json", "--id-map", ConvertTesting.root + "/examples/id-map.json", "--now",
            ConvertTesting.now,
        ]).makeRun()
        run.progress = false
        run.keepsTasks = true
        let result = try await run.execute { Data() }
        let streamed = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json")))
        let kept = try JSONSerialization.jsonObject(with: JSONOutput.encoder(pretty: true).encode(result.report))
        #expect(result.report.tasks.count > 10)
        #expect((streamed as? NSDictionary) == (kept as? NSDictionary))
    }

    /// Each entry's text is written without `JSONEncoder`; it must be the encoder's pretty text indented into
    /// the `tasks` array (its first line's indent left to the array's separator), byte for byte.
    @Test(arguments: ConvertReportStreamingTests.entries)
    func anEntrysTextIsTheEncodersTextIndented(_ entry: ConvertReport.TaskEntry) throws {
        let pretty = try JSONOutput.encoder(pretty: true).encode(entry)
        let indented = String(decoding: pretty, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        #expect(String(decoding: ReportStream.text(of: entry), as: UTF8.self) == String(indented.dropFirst(4)))
    }

    static let entries: [ConvertReport.TaskEntry] = [
        FileConversion.failed("in/a b.json", .root, "not valid JSON: line 1, column 2: expected \"}\"\n\tthere"),
        ConvertReport.TaskEntry(
            file: "in/ünï/ä.json", path: "[2]", status: .lossy, written: true, output: "out/ünï/ä.json",
            losses: [
                ConvertReport.LossEntry(
                    Loss(
                        path: "deployTo.emailAttach",
                        value: .object([
                            "a/b": .array([.integer(-3), .double(0.5), .null]),
                            "c": .object([:]), "d": .array([]), "e": .bool(false), "f": .string("\u{1}\u{1F}é"),
                        ]),
                        reason: "no \"channel\" here")),
                ConvertReport.LossEntry(Loss(path: "x", value: .double(1e20), reason: "")),
            ],
            schedule: ConvertReport.ScheduleVerdict(
                status: "lossy", reason: "DST gap", notes: ["one", "two"],
                differences: ["2026-03-29T01:30:00Z only in source"]),
            error: nil),
        ConvertReport.TaskEntry(
            file: "-", path: "objects[0]", status: .exact, written: false, output: nil, losses: [],
            schedule: ConvertReport.ScheduleVerdict(status: "exact", reason: nil, notes: [], differences: []),
            error: nil),
    ]
}

import Foundation
import TaskgateTestSupport
import Testing

@testable import taskgate

/// `taskgate convert` killed with SIGKILL in the middle of a large run: no output file is ever partial, no
/// input changes, and a rerun finishes with the outputs of an uninterrupted run and no temporary file left.
/// (Wyn to Wyn, so that every file has an output: the writes are the same for every pair.)
@Suite("Killing a conversion")
struct ConvertKillTests {
    /// The number of SIGKILLs before the run may finish.
    static let kills = 6
    /// The number of input files (each a copy of one of the Wyn examples).
    static let files = 1_500

    @Test func killedSixTimesLeavesOnlyWholeFilesAndTheRerunFinishes() async throws {
        let executable = try #require(
            TaskgateExecutable.path, "no taskgate executable beside the test bundle; set TASKGATE_EXECUTABLE")
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/in"
        let output = folder + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let examples = ConvertTesting.root + "/examples/wyn"
        let names = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".json") }
            .sorted()
        var inputs: [String: Data] = [:]
        for index in 0..<Self.files {
            let data = try Data(contentsOf: URL(fileURLWithPath: examples + "/" + names[index % names.count]))
            let name = String(format: "task-%05d.json", index)
            try data.write(to: URL(fileURLWithPath: input + "/" + name))
            inputs[name] = data
        }
        let arguments = [
            "convert", "--from", "wyn", "--to", "wyn", input, "-o", output, "--jobs", "2", "--now",
            ConvertTesting.now, "--report", folder + "/report.json",
        ]
        var generator = SplitMix64(seed: 20_261_123)
        var seenAfterKills: [String: Data] = [:]
        var lines: [String] = []
        for kill in 1...Self.kills {
            // Half the kills once the run has written 1 to 400 more files than were there before it started
            // (just after a rename), the others at a moment 0.3 to 3 s after the start (mostly inside a write:
            // the fsync is most of a file's time).
            let before = Self.outputs(in: output).count
            let more = Int.random(in: 1...400, using: &generator)
            let moment = Duration.milliseconds(Int.random(in: 300...3_000, using: &generator))
            let byCount = kill % 2 == 1
            let status = try await ChildProcess.run(executable, arguments) { elapsed in
                if byCount { return Self.outputs(in: output).count >= min(before + more, Self.files) }
                return elapsed >= moment
            }
            let visible = Self.outputs(in: output)
            let all = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
            lines.append(
                "kill \(kill) \(byCount ? "after \(more) more files" : "after \(moment)") (\(status)): "
                    + "\(visible.count) outputs, "
                    + "\(all.count - visible.count) temporary files left")
            for name in visible {
                let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name))
                #expect(
                    (try? JSONSerialization.jsonObject(with: data)) != nil,
                    "\(name) is not whole JSON after kill \(kill)")
                seenAfterKills[name] = data
            }
        }
        let status = try await ChildProcess.run(executable, arguments) { _ in false }
        lines.append("rerun: exit code \(status.exitCode)")
        print(lines.joined(separator: "\n"))
        #expect(!status.killed && status.exitCode == 0)
        let finished = Set(try FileManager.default.contentsOfDirectory(atPath: output))
        let expected = Set(inputs.keys)
        #expect(finished.subtracting(expected).sorted() == [], "no temporary file left")
        #expect(expected.subtracting(finished).sorted() == [], "every output present")
        for (name, data) in seenAfterKills {
            // A file seen after a kill is the very file an uninterrupted run writes.
            #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)) == data, "\(name)")
        }
        for (name, data) in inputs {
            #expect(try Data(contentsOf: URL(fileURLWithPath: input + "/" + name)) == data, "input \(name) changed")
        }
    }

    @Test func onlyThisRunsOwnStaleTemporariesAreRemoved() throws {
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let uuid = "1B4E28BA-2FA1-11D2-883F-0016D3CCA427"
        #expect(AtomicFileWriter.outputName(ofTemporary: ".a.json.\(uuid).tmp") == "a.json")
        #expect(AtomicFileWriter.outputName(ofTemporary: ".a.json.not-a-uuid.tmp") == nil)
        #expect(AtomicFileWriter.outputName(ofTemporary: "a.json.\(uuid).tmp") == nil)
        #expect(AtomicFileWriter.outputName(ofTemporary: "..\(uuid).tmp") == nil)
        let stale = ".a.json.\(uuid).tmp"
        let otherOutput = ".b.json.\(uuid).tmp"
        let fresh = ".a.json.\(UUID().uuidString).tmp"
        for name in [stale, otherOutput, fresh, "a.json"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("{".utf8)))
        }
        let old = Date(timeIntervalSinceNow: -3_600)
        for name in [stale, otherOutput] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + name)
        }
        let removed = AtomicFileWriter.removeStaleTemporaries(
            in: [folder], of: { $0 == folder + "/a.json" }, modifiedBefore: Date(timeIntervalSinceNow: -60))
        #expect(removed == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == [fresh, otherOutput, "a.json"].sorted())
    }

    @Test func aBareFileNameIsWrittenInTheCurrentFolder() {
        // `--report r.json` failed with ": the output folder cannot be created" (the folder of a bare name
        // was empty).
        #expect(AtomicFileWriter.folder(of: "r.json") == ".")
        #expect(AtomicFileWriter.folder(of: "out/r.json") == "out")
        #expect(AtomicFileWriter.folder(of: "/r.json") == "/")
    }

    /// `folder(of:)` reads the bytes; it answers as `NSString.deletingLastPathComponent` (which it replaced)
    /// for paths with doubled, trailing and non-ASCII parts.
    @Test(arguments: [
        "a/b/c.json", "a//b.json", "a/b/", "//r.json", "/", "/a", "dir.d/über/日本.json", "./x.json", "../x.json",
    ])
    func aFolderIsReadAsFoundationReadsIt(path: String) {
        let foundation = (path as NSString).deletingLastPathComponent
        #expect(AtomicFileWriter.folder(of: path) == (foundation.isEmpty ? "." : foundation))
    }

    @Test func aBatchIsCommittedAndAFailedRenameNamesItsFile() throws {
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/c.json", contents: Data("old".utf8)))
        let good = try AtomicFileWriter.stage(Data("{}\n".utf8), for: folder + "/a.json")
        let blocked = try AtomicFileWriter.stage(Data("[]\n".utf8), for: folder + "/b.json")
        let replacing = try AtomicFileWriter.stage(Data("new".utf8), for: folder + "/c.json")
        // Staged files have no name yet: a run killed now leaves nothing behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["c.json"])
        // A rename onto a folder that is not empty fails.
        try FileManager.default.createDirectory(atPath: folder + "/b.json/inside", withIntermediateDirectories: true)
        let results = AtomicFileWriter.commit([good, blocked, replacing])
        #expect(results.map { $0.failure == nil } == [true, false, true])
        let message = results[1].failure?.description ?? ""
        let temporary = String(message.prefix(while: { $0 != " " }))
        #expect(AtomicFileWriter.outputName(ofTemporary: (temporary as NSString).lastPathComponent) == "b.json")
        #expect(message == temporary + " cannot be renamed to \(folder)/b.json: Is a directory")
        #expect(try String(contentsOfFile: folder + "/a.json", encoding: .utf8) == "{}\n")
        #expect(try String(contentsOfFile: folder + "/c.json", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "b.json", "c.json"])
    }

    @Test func withoutOTmpfileABatchGoesThroughNamedTemporariesAndLeavesNoneBehind() throws {
        // The path a file system without O_TMPFILE takes: `.NAME.UUID.tmp` beside each output, renamed.
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/c.json", contents: Data("old".utf8)))
        let new = try AtomicFileWriter.stage(
            parts: [.bytes(Data("{}\n".utf8))], for: folder + "/a.json", withoutName: false)
        let replacing = try AtomicFileWriter.stage(
            parts: [.bytes(Data("new".utf8))], for: folder + "/c.json", withoutName: false)
        #expect(new.descriptor == nil)
        let staged = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(staged.count == 3)
        #expect(staged.compactMap { AtomicFileWriter.outputName(ofTemporary: $0) }.sorted() == ["a.json", "c.json"])
        #expect(try String(contentsOfFile: folder + "/c.json", encoding: .utf8) == "old")
        let results = AtomicFileWriter.commit([new, replacing])
        #expect(results.map { $0.failure == nil } == [true, true])
        #expect(try String(contentsOfFile: folder + "/a.json", encoding: .utf8) == "{}\n")
        #expect(try String(contentsOfFile: folder + "/c.json", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "c.json"])
        // A part that cannot be read abandons the named temporary: nothing is left.
        let failure = #expect(throws: CommandFailure.self) {
            try AtomicFileWriter.stage(
                parts: [.file(folder + "/missing.json")], for: folder + "/d.json", withoutName: false)
        }
        #expect(failure?.description == folder + "/missing.json cannot be read: No such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "c.json"])
    }

    @Test(arguments: [true, false])
    func aStagingFileTakesPiecesAndLeavesNothingWhenLetGo(withoutName: Bool) throws {
        let folder = try ConvertTesting.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/part", contents: Data("[1,".utf8)))
        let whole = try StagingFile(for: folder + "/out/a.json", withoutName: withoutName)
        try whole.append(Array("{\"a\":".utf8))
        try whole.append(contentsOf: folder + "/part")
        try whole.append(Data("2]}".utf8))
        // Let go before it is handed over: removed (a named temporary) or never named (no name).
        var dropped: StagingFile? = try StagingFile(for: folder + "/out/b.json", withoutName: withoutName)
        try dropped?.append(Data("{}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").count == (withoutName ? 0 : 2))
        dropped = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").count == (withoutName ? 0 : 1))
        #expect(AtomicFileWriter.commit([try whole.handOver()]).map { $0.failure == nil } == [true])
        #expect(try String(contentsOfFile: folder + "/out/a.json", encoding: .utf8) == #"{"a":[1,2]}"#)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out") == ["a.json"])
        // Handed over once: a second time is refused.
        #expect(throws: CommandFailure.self) { try whole.handOver() }
    }

    /// The visible files of the output folder (not the hidden temporary ones).
    static func outputs(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
    }
}

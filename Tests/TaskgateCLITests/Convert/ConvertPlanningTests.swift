import Foundation
import TaskgateCore
import Testing

@testable import taskgate

/// The pure parts of `convert`: output planning, the lossy policy, exit codes, the table.
@Suite struct ConvertPlanningTests {
    /// A folder holding these files (`{}` each), and these links (name → what it leads to).
    func folder(files: [String], links: [String: String] = [:]) throws -> String {
        let folder = try ConvertTesting.temporaryFolder()
        for file in files {
            let path = folder + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
        }
        for (name, destination) in links {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: destination)
        }
        return folder
    }

    func inputs(_ roots: [InputExpansion.Root]) -> [ConvertInput] { Array(InputExpansion.Inputs(roots: roots)) }

    @Test func aFoldersFilesComeInTheOrderOfTheirPaths() throws {
        let root = try folder(
            files: [
                "z.json", "a.json", "a/c/d.json", "a/b.json", "a-x.json", "B.json", "sub.json", "sub/e.json",
                "notes.txt", "dir.json/f.json", "a/c/skip.yaml",
            ],
            links: ["link.json": "a.json", "linked": "a", "dangling.json": "gone.json"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = inputs([.folder(root)])
        // Whole paths sorted byte by byte: `-` and `.` before `/`; links to files kept, links to folders and
        // dangling links left out.
        #expect(
            found.map(\.relativeName) == [
                "B.json", "a-x.json", "a.json", "a/b.json", "a/c/d.json", "dir.json/f.json", "link.json", "sub.json",
                "sub/e.json", "z.json",
            ])
        #expect(found.map(\.path) == found.map { root + "/" + $0.relativeName })
        // A link is the file it leads to.
        #expect(found[6].identity == found[2].identity)
        #expect(found[2].identity == FileIdentity(path: root + "/a.json"))
        #expect(Set(found.compactMap(\.identity)).count == 9)
        #expect(ConvertInput.standardInput.identity == nil)
    }

    @Test func outputsKeepTheirNamesUnderTheFolder() throws {
        let root = try folder(files: ["a.json", "sub/b.json"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plan = OutputPlan(directory: root + "/out")
        let found = inputs([.folder(root + "/"), .standardInput])
        #expect(
            found.map(plan.output(for:)) == [root + "/out/a.json", root + "/out/sub/b.json", root + "/out/stdin.json"])
        #expect(
            try plan.check(InputExpansion.Inputs(roots: [.folder(root), .standardInput]), sharingPossible: true) == 3)
    }

    @Test func anOutputOverAnInputIsRefusedWhateverPathLeadsToIt() throws {
        let root = try folder(files: ["in/a.json", "in/b.json"], links: ["again": "in"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for directory in [root + "/in", root + "/in/../in", root + "/again"] {
            do {
                _ = try OutputPlan(directory: directory).check(
                    InputExpansion.Inputs(roots: [.folder(root + "/in")]), sharingPossible: false)
                Issue.record("planned an output over an input in \(directory)")
            } catch {
                #expect(
                    error.description
                        == "refusing to write \(directory)/a.json: it is an input file; choose another -o DIR")
            }
        }
        // Another folder is fine, even when it already holds outputs of an earlier run.
        #expect(FileManager.default.createFile(atPath: root + "/out/a.json", contents: Data("{}".utf8)) == false)
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/out/a.json", contents: Data("{}".utf8)))
        #expect(
            try OutputPlan(directory: root + "/out").check(
                InputExpansion.Inputs(roots: [.folder(root + "/in")]), sharingPossible: false) == 2)
    }

    @Test func twoInputsWithOneOutputAreRefused() throws {
        let root = try folder(files: ["x/a.json", "x/c.json", "y/b.json", "y/c.json"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try OutputPlan(directory: root + "/out").check(
                InputExpansion.Inputs(roots: [.folder(root + "/x"), .folder(root + "/y")]), sharingPossible: true)
            Issue.record("planned a shared output")
        } catch {
            #expect(
                error.description == "\(root)/x/c.json and \(root)/y/c.json would both be written to \(root)/out/c.json"
            )
        }
    }

    @Test func theLossyPolicyDecidesWritingAndStatus() {
        #expect(LossyPolicy.allow.decide(.lossy) == (true, .lossy))
        #expect(LossyPolicy.skip.decide(.lossy) == (false, .lossy))
        #expect(LossyPolicy.fail.decide(.lossy) == (false, .failed))
        #expect(LossyPolicy.fail.decide(.exact) == (true, .exact))
        #expect(LossyPolicy.allow.decide(.impossible) == (false, .impossible))
        #expect(LossyPolicy.skip.decide(.impossible) == (false, .impossible))
        #expect(LossyPolicy.fail.decide(.impossible) == (false, .failed))
    }

    @Test func exitCodesFollowTheWorstTask() {
        func report(_ statuses: [TaskOutcomeStatus]) -> ConvertReport {
            ConvertReport(
                from: .fylr, to: .fylr,
                tasks: statuses.map {
                    ConvertReport.TaskEntry(file: "f", path: "$", status: $0, written: false, losses: [])
                })
        }
        #expect(report([]).worst.exitCode == 0)
        #expect(report([.exact, .exact]).worst.exitCode == 0)
        #expect(report([.exact, .lossy]).worst.exitCode == 1)
        #expect(report([.exact, .impossible]).worst.exitCode == 1)
        #expect(report([.lossy, .impossible]).worst.exitCode == 1)
        #expect(report([.failed, .exact]).worst.exitCode == 2)
        #expect(
            report([.exact, .lossy, .lossy, .failed]).table == """
                status      tasks
                exact           1
                lossy           2
                impossible      0
                failed          1
                """)
    }

    @Test func theProgressBarFillsWithTheFilesDone() {
        #expect(ProgressBar.line(done: 5, total: 10, width: 10) == "[#####     ] 5/10 files")
        #expect(!ProgressBar(total: 3, enabled: false).enabled)
    }
}

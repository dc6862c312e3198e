import TaskgateCore
import Testing

@testable import taskgate

/// The pure parts of `convert`: output planning, the lossy policy, exit codes, the table.
@Suite struct ConvertPlanningTests {
    func input(_ path: String, _ name: String) -> ConvertInput {
        ConvertInput(path: path, canonicalPath: path, relativeName: name)
    }

    @Test func outputsKeepTheirNamesUnderTheFolder() throws {
        let plan = try OutputPlan.plan(
            [input("/in/a.json", "a.json"), input("/in/sub/b.json", "sub/b.json"), .standardInput],
            into: "out", canonicalDirectory: "/work/out")
        #expect(plan == ["out/a.json", "out/sub/b.json", "out/stdin.json"])
    }

    @Test func anOutputOverAnInputIsRefused() {
        #expect(throws: CommandFailure.self) {
            try OutputPlan.plan([input("/in/a.json", "a.json")], into: ".", canonicalDirectory: "/in")
        }
    }

    @Test func twoInputsWithOneOutputAreRefused() {
        do {
            _ = try OutputPlan.plan(
                [input("/x/a.json", "a.json"), input("/y/a.json", "a.json")], into: "out", canonicalDirectory: "/out")
            Issue.record("planned a shared output")
        } catch {
            #expect(
                (error as CommandFailure).description == "/x/a.json and /y/a.json would both be written to out/a.json")
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

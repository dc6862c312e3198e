import TaskgateMigration
import Testing

/// The counts and the exit code of a migration.
@Suite("Migration summary")
struct MigrationSummaryTests {
    @Test func aTaskInTheTargetButNotVerifiedIsCountedAndFailsTheRun() {
        let outcomes = [
            TaskOutcome(sourceID: "1", name: "a", action: .created, targetID: "t1", verified: true),
            TaskOutcome(
                sourceID: "2", name: "b", action: .created, targetID: "t2",
                message: "not verified: GET http://127.0.0.1:9/tasks/t2: connection lost"),
            TaskOutcome(sourceID: "3", name: "c", action: .skipped, message: "lossy"),
        ]
        let summary = MigrationSummary(outcomes)
        #expect(summary.created == 2)
        #expect(summary.verified == 1)
        #expect(summary.unverified == 1)
        #expect(summary.failed == 0)
        #expect(summary.exitCode == 2)
        #expect(
            summary.table == """
                outcome     tasks
                created         2
                adopted         0
                resumed         0
                skipped         1
                failed          0
                verified        1
                unverified      1
                """)
    }

    @Test func skippedAloneExitsOneAndAllVerifiedExitsZero() {
        let verified = TaskOutcome(sourceID: "1", name: "a", action: .resumed, targetID: "t1", verified: true)
        let skipped = TaskOutcome(sourceID: "2", name: "b", action: .skipped, message: "impossible")
        #expect(MigrationSummary([verified]).exitCode == 0)
        #expect(MigrationSummary([verified, skipped]).exitCode == 1)
    }
}

import ArgumentParser
import TaskgateCore
import Testing

@testable import taskgate

/// `--now`, shared by `convert` and `migrate`: a bad instant is refused with the value and the form
/// expected; a good one is the run's "now".
@Suite struct NowOptionTests {
    @Test func aBadInstantIsNamedByBothCommands() {
        let expected = "--now: 'soon' is not an RFC 3339 instant such as 2026-11-23T15:00:00Z"
        do {
            _ = try ConvertCommand.parse(["--from", "wyn", "--to", "fylr", "x", "--now", "soon"])
            Issue.record("convert accepted --now soon")
        } catch {
            #expect(ConvertCommand.message(for: error) == expected)
        }
        do {
            _ = try MigrateCommand.parse(["--from", "wyn=http://a", "--to", "fylr=http://b", "--now", "soon"])
            Issue.record("migrate accepted --now soon")
        } catch {
            #expect(MigrateCommand.message(for: error) == expected)
        }
    }

    @Test func aGoodInstantIsTheRunsNow() throws {
        let option = try NowOption.parse(["--now", "2026-11-23T15:00:00Z"])
        #expect(option.instant.description == "2026-11-23T15:00:00Z")
    }
}

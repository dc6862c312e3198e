import Testing

@testable import TaskgateCore

@Suite struct ParseMemoTests {
    static let context = DialectContext(
        zone: "Europe/Berlin", reference: Instant(secondsSinceEpoch: 1_767_225_600))  // 2026-01-01T00:00:00Z

    @Test func aRememberedScheduleIsTheOneAParseGives() throws {
        let memo = ParseMemo()
        let parsed = try Dialect.quartzNet.parse(["0 0 8 ? * MON-FRI"], context: Self.context)
        #expect(try memo.parse(.quartzNet, ["0 0 8 ? * MON-FRI"], context: Self.context) == parsed)
        #expect(try memo.parse(.quartzNet, ["0 0 8 ? * MON-FRI"], context: Self.context) == parsed)
        #expect(memo.count == 1)
        // The dialect, the lines and the context are all the key.
        _ = try memo.parse(.quartz, ["0 0 8 ? * MON-FRI"], context: Self.context)
        var tokyo = Self.context
        tokyo.zone = "Asia/Tokyo"
        #expect(try memo.parse(.quartzNet, ["0 0 8 ? * MON-FRI"], context: tokyo).zone == "Asia/Tokyo")
        #expect(memo.count == 3)
    }

    @Test func aRememberedErrorIsThrownAgainWordForWord() {
        let memo = ParseMemo(capacity: 2)
        var messages: [String] = []
        for _ in 0..<2 {
            do {
                _ = try memo.parse(.cron, ["61 * * * *"], context: Self.context)
            } catch {
                messages.append(error.description)
            }
        }
        var direct = ""
        do {
            _ = try Dialect.cron.parse(["61 * * * *"], context: Self.context)
        } catch {
            direct = error.description
        }
        #expect(messages == [direct, direct])
        #expect(direct.hasPrefix("cron"))
        #expect(memo.count == 1)
        // Full: the memo starts again from empty.
        _ = try? memo.parse(.cron, ["0 * * * *"], context: Self.context)
        _ = try? memo.parse(.cron, ["1 * * * *"], context: Self.context)
        #expect(memo.count == 1)
    }
}

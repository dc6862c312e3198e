import Testing

@testable import TaskgateCore

@Suite struct WindowStartReadingTests {
    @Test func readsAnInstantFarFromChangesAsItsLocalTime() throws {
        var zone = try #require(ZoneRules(identifier: "America/New_York"))
        let start = TimePoint.instant(try DialectTesting.instant("2026-05-01T12:00:00Z"))
        #expect(
            WindowStartReading.localStart(for: start, in: &zone) == (try DialectTesting.local("2026-05-01T08:00:00")))
        #expect(
            WindowStartReading.instantStart(for: start, in: &zone) == (try DialectTesting.local("2026-05-01T08:00:00")))
    }

    @Test func refusesAnInstantNearAChangeAsALocalStart() throws {
        var zone = try #require(ZoneRules(identifier: "America/New_York"))
        let start = TimePoint.instant(try DialectTesting.instant("2026-11-02T12:00:00Z"))
        #expect(WindowStartReading.localStart(for: start, in: &zone) == nil)
        #expect(
            WindowStartReading.instantStart(for: start, in: &zone) == (try DialectTesting.local("2026-11-02T07:00:00")))
    }

    @Test func cannotNameTheSecondPassOfARepeatedTime() throws {
        var zone = try #require(ZoneRules(identifier: "America/New_York"))
        let secondPass = TimePoint.instant(try DialectTesting.instant("2026-11-01T06:30:00Z"))
        #expect(WindowStartReading.instantStart(for: secondPass, in: &zone) == nil)
        let firstPass = TimePoint.instant(try DialectTesting.instant("2026-11-01T05:30:00Z"))
        #expect(
            WindowStartReading.instantStart(for: firstPass, in: &zone)
                == (try DialectTesting.local("2026-11-01T01:30:00")))
    }

    @Test func keepsALocalStart() throws {
        var zone = try #require(ZoneRules(identifier: "America/New_York"))
        let local = try DialectTesting.local("2026-03-08T02:30:00")
        #expect(WindowStartReading.localStart(for: .local(local), in: &zone) == local)
        #expect(WindowStartReading.instantStart(for: .local(local), in: &zone) == nil)
    }
}

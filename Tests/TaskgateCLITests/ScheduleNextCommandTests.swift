import ArgumentParser
import TaskgateCore
import Testing

@testable import taskgate

@Suite struct ScheduleNextCommandTests {
    @Test func batchAnswersOneLinePerInputLine() throws {
        let batch = BatchNext(dialect: .quartz, json: false, zones: try MappingsOption.parse([]).zoneLookup())
        #expect(
            batch.answer("0 30 2 * * ?\tAmerica/New_York\t-\t2026-03-07T00:00:00Z\t3")
                == "2026-03-07T07:30:00Z 2026-03-09T06:30:00Z 2026-03-10T06:30:00Z")
        #expect(
            batch.answer("0 0 8 ? * MON-FRI\tEastern Standard Time\t-\t2026-01-01T00:00:00Z\t1")
                == "2026-01-01T13:00:00Z")
        #expect(batch.answer("0 0 12 ? * 8\tUTC\t-\t2026-01-01T00:00:00Z\t1").hasPrefix("ERROR quartz: day-of-week"))
        #expect(
            batch.answer("too few\tfields")
                == "ERROR expected 5 TAB-separated fields (TEXT, ZONE, START, AFTER, COUNT), found 2")
    }
}

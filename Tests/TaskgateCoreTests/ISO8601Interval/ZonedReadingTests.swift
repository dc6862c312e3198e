import Testing

@testable import TaskgateCore

/// Reading date-times as java.time's `ZonedDateTime` does, and which overlap pass its `plus` keeps.
@Suite struct ZonedReadingTests {
    typealias Support = ISO8601TestSupport

    static func reading(_ text: String, zone: String) throws -> (ZonedReading, DSTPolicy.Overlap) {
        var rules = try #require(ZoneRules(identifier: zone))
        let reading = rules.reading(of: try ISODateTime.read(Array(text)))
        return (reading, rules.javaTimeOverlap(for: reading))
    }

    @Test(arguments: [
        // ofLocal in the gap: moved forward by the gap's length.
        (
            "2026-03-08T02:30:00", "America/New_York", "2026-03-08T07:30:00Z", "2026-03-08T03:30:00",
            DSTPolicy.Overlap.earlier
        ),
        // ofLocal in the overlap: the earlier offset (−04:00), so later steps keep the first pass.
        ("2026-11-01T01:30:00", "America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T01:30:00", .earlier),
        // An offset that names the second pass.
        ("2026-11-01T01:30:00-05:00", "America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T01:30:00", .later),
        // Winter time is the offset autumn overlaps end in: java.time keeps their second pass.
        ("2026-01-05T08:00:00", "America/New_York", "2026-01-05T13:00:00Z", "2026-01-05T08:00:00", .later),
        ("2026-07-05T08:00:00", "America/New_York", "2026-07-05T12:00:00Z", "2026-07-05T08:00:00", .earlier),
        ("2026-01-05T08:00:00", "Australia/Lord_Howe", "2026-01-04T21:00:00Z", "2026-01-05T08:00:00", .earlier),
        ("2026-07-05T08:00:00", "Australia/Lord_Howe", "2026-07-04T21:30:00Z", "2026-07-05T08:00:00", .later),
        // No overlap anywhere: the earlier pass (never used).
        ("2026-07-05T08:00:00", "UTC", "2026-07-05T08:00:00Z", "2026-07-05T08:00:00", .earlier),
        // Kolkata's last overlap was in 1945; its end offset +05:30 is today's.
        ("2026-07-05T08:00:00", "Asia/Kolkata", "2026-07-05T02:30:00Z", "2026-07-05T08:00:00", .later),
    ])
    func readsLikeJavaTime(
        text: String, zone: String, instant: String, local: String, overlap: DSTPolicy.Overlap
    )
        throws
    {
        let (reading, preference) = try Self.reading(text, zone: zone)
        #expect(reading.instant.description == instant)
        #expect(reading.local == (try Support.local(local)))
        #expect(preference == overlap)
    }
}

extension Dialect {
    /// The DST policies the dialect's engine applies, one per shape of line it can write.
    ///
    /// Some engines treat lines differently by their text: Quartz.NET and Debian cron fire a
    /// repeated time twice for "interval" fields (`*`, steps, ranges) and once for fixed times.
    /// A converter picks, for each rule, the policy closest to the source engine's and lets the
    /// printer choose the matching text; the equivalence check shows what remains different.
    public var enginePolicies: [DSTPolicy] {
        switch self {
        case .quartz:
            [.javaQuartz]
        case .quartzNet:
            [DSTPolicy(gap: .shiftForward, overlap: .earlier), DSTPolicy(gap: .shiftForward, overlap: .both)]
        case .cron:
            [DSTPolicy(gap: .transition, overlap: .earlier), .wallClock]
        case .rrule:
            [.rfc5545]
        case .iso8601:
            // java.time keeps the start's offset through a repeated hour: the earlier pass for a start
            // in summer time, the later for one in standard time.
            [.rfc5545, DSTPolicy(gap: .shiftForward, overlap: .later)]
        case .fylr:
            [.wallClock]
        case .vco:
            // vco.md §5.3 leaves DST open; measured on Java 17's GregorianCalendar (the server is Java).
            [DSTPolicy(gap: .shiftForward, overlap: .later), .wallClock]
        }
    }

    /// The engine's policies ordered by closeness to `policy`: the same policy first, then one
    /// that treats repeated times alike, then one that treats missing times alike.
    func enginePolicies(closestTo policy: DSTPolicy) -> [DSTPolicy] {
        enginePolicies.sorted { left, right in
            Self.closeness(left, policy) > Self.closeness(right, policy)
        }
    }

    private static func closeness(_ candidate: DSTPolicy, _ policy: DSTPolicy) -> Int {
        (candidate.overlap == policy.overlap ? 2 : 0) + (candidate.gap == policy.gap ? 1 : 0)
    }
}

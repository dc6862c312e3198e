/// An instant with its reading and offset in a zone: what java.time calls a `ZonedDateTime`.
///
/// Serverless Workflow runtimes compute repeating intervals with java.time (or libraries that
/// copy it), so an interval's start or end becomes one of these before any arithmetic.
struct ZonedReading: Hashable, Sendable {
    var instant: Instant
    var local: LocalDateTime
    /// Seconds east of UTC at ``instant``.
    var offset: Int
}

extension ZoneRules {
    /// The reading of an instant in this zone.
    mutating func reading(at instant: Instant) -> ZonedReading {
        let offset = offset(at: instant)
        return ZonedReading(instant: instant, local: instant.localDateTime(offset: offset), offset: offset)
    }

    /// A date-time as java.time's `ZonedDateTime.ofLocal(local, zone, null)` reads it: a local
    /// time in a spring gap moves forward by the gap's length (02:30 → 03:30), one in an autumn
    /// overlap takes the earlier offset; a date-time with an offset is that instant.
    mutating func reading(of dateTime: ISODateTime) -> ZonedReading {
        if let offset = dateTime.offset {
            return reading(at: Instant(secondsSinceEpoch: dateTime.local.secondsSinceEpoch - Int64(offset)))
        }
        return reading(ofLocal: dateTime.local)
    }

    /// A local time read as java.time's `ZonedDateTime.ofLocal(local, zone, null)` reads it.
    mutating func reading(ofLocal local: LocalDateTime) -> ZonedReading {
        switch resolve(local) {
        case .unique(let instant): reading(at: instant)
        case .gap(let shifted, _): reading(at: shifted)
        case .overlap(let earlier, _): reading(at: earlier)
        }
    }

    /// A point of a window, as an instant.
    mutating func reading(of point: TimePoint) -> ZonedReading {
        switch point {
        case .instant(let instant): reading(at: instant)
        case .local(let local): reading(ofLocal: local)
        }
    }

    /// Which pass of an autumn overlap java.time's `ZonedDateTime.plus(Period)` keeps for a
    /// series computed from `reading`.
    ///
    /// `plus` re-reads the new local time with the old offset as the preferred one
    /// (`ZonedDateTime.resolveLocal` → `ofLocal(local, zone, offset)`): in an overlap it keeps
    /// that offset when it is one of the two, else the earlier. Checked with OpenJDK 17:
    /// `2025-01-02T01:30-05:00[America/New_York].plus(P10M)` is `2025-11-02T01:30-05:00` (the
    /// second pass), while the same from July (−04:00) gives the first pass. The rule keeps one
    /// policy for all its steps, so taskgate decides with the overlap nearest to `reading`: the
    /// later pass when `reading`'s offset is the one that overlap ends in (standard time, in every
    /// zone whose standard offset has not changed), else the earlier pass.
    mutating func javaTimeOverlap(for reading: ZonedReading) -> DSTPolicy.Overlap {
        let first = Instant(secondsSinceEpoch: EnumerationBounds.firstLocalSecond - 86_400)
        let last = Instant(
            secondsSinceEpoch: LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)
                .secondsSinceEpoch + 86_400)
        var radius: Int64 = 400 * 86_400
        while true {
            let from = max(reading.instant.adding(seconds: -radius), first)
            let through = min(reading.instant.adding(seconds: radius), last)
            let overlaps = transitions(from: from, through: through).filter { $0.offsetAfter < $0.offsetBefore }
            let nearest = overlaps.min {
                abs($0.instant.secondsSinceEpoch - reading.instant.secondsSinceEpoch)
                    < abs($1.instant.secondsSinceEpoch - reading.instant.secondsSinceEpoch)
            }
            if let nearest { return reading.offset == nearest.offsetAfter ? .later : .earlier }
            if from == first, through == last { return .earlier }
            radius *= 8
        }
    }
}

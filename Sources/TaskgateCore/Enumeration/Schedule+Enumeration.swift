extension Schedule {
    /// The instants at which the schedule fires strictly after `instant`, lazily, in order.
    ///
    /// ```swift
    /// for fire in try schedule.occurrences(after: now).prefix(3) { print(fire) }
    /// ```
    /// - Throws: ``UnknownTimeZoneError`` when ``zone`` is not known.
    public func occurrences(after instant: Instant) throws(UnknownTimeZoneError) -> ScheduleOccurrences {
        try ScheduleOccurrences(self, after: instant)
    }

    /// The first `count` instants strictly after `instant` (fewer if the schedule ends).
    public func nextOccurrences(after instant: Instant, count: Int) throws(UnknownTimeZoneError) -> [Instant] {
        guard count > 0 else { return [] }
        var occurrences = try occurrences(after: instant)
        return occurrences.take(count)
    }

    /// Every instant in `from...through`, at most `limit` of them.
    public func occurrences(
        from: Instant, through: Instant, limit: Int = .max
    ) throws(UnknownTimeZoneError) -> [Instant] {
        var result: [Instant] = []
        var occurrences = try occurrences(after: from.adding(seconds: -1))
        while result.count < limit, let next = occurrences.next(), next <= through { result.append(next) }
        return result
    }

    /// The last `count` instants strictly before `instant` (fewer if the schedule starts later),
    /// in ascending order.
    ///
    /// Searches backward in spans that double from a day to the whole calendar, enumerating
    /// each span forward, so a sparse schedule costs a few spans and a dense one a single day.
    public func previousOccurrences(before instant: Instant, count: Int) throws(UnknownTimeZoneError) -> [Instant] {
        guard count > 0 else { return [] }
        var collected: [Instant] = []
        var spanEnd = instant.adding(seconds: -1)
        var span: Int64 = 86_400
        let earliest = EnumerationBounds.firstLocalSecond - 86_400
        while collected.count < count, spanEnd.secondsSinceEpoch >= earliest {
            let spanStart = Instant(secondsSinceEpoch: max(spanEnd.secondsSinceEpoch - span + 1, earliest))
            var chunk: [Instant] = []
            var occurrences = try occurrences(after: spanStart.adding(seconds: -1))
            while let next = occurrences.next(), next <= spanEnd {
                chunk.append(next)
                if chunk.count > count { chunk.removeFirst(chunk.count - count) }
            }
            collected = chunk + collected
            spanEnd = spanStart.adding(seconds: -1)
            span *= 2
        }
        return Array(collected.suffix(count))
    }
}

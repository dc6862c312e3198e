/// The source's occurrences from the span's start, enumerated once to find the span's end and
/// replayed by the comparison walk, so that the walk does not enumerate the same instants again.
///
/// The tape holds every occurrence at or after ``start`` up to its last one (the occurrences of a
/// schedule after an instant are the same whichever enumeration lists them). Past its last one it
/// hands on the enumeration that filled it, once: the walk asks for stretches in ascending order,
/// and a stretch the tape cannot serve is enumerated afresh, as before.
struct OccurrenceTape {
    /// The instant from which the tape holds every occurrence.
    let start: Instant
    private let recorded: [Occurrence]
    /// The enumeration that filled the tape, just after its last occurrence; `nil` when it ended.
    private var rest: ScheduleOccurrences?
    /// Whether ``rest`` has been read from, so that it no longer continues the tape.
    private var restIsRead = false

    /// A tape of `recorded`, the first occurrences at or after `start`, continued by `rest`
    /// (`nil`: the schedule fires no more after them).
    init(start: Instant, recorded: [Occurrence], rest: ScheduleOccurrences?) {
        self.start = start
        self.recorded = recorded
        self.rest = rest
    }

    /// Where a reader of the occurrences in `lower...upper` starts, or `nil` when the tape cannot
    /// list them all.
    func readerStart(from lower: Instant, through upper: Instant) -> Int? {
        guard lower >= start else { return nil }
        if rest == nil || !restIsRead {
            // The recorded occurrences, then (if any) the rest of the same enumeration.
            if let last = recorded.last, lower > last.instant, rest != nil { return nil }
        } else {
            guard let last = recorded.last, upper <= last.instant else { return nil }
        }
        var low = 0
        var high = recorded.count
        while low < high {
            let middle = (low + high) / 2
            if recorded[middle].instant < lower { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The occurrence at `index` of the reader, and the index after it; past the recorded ones,
    /// the next one of the enumeration that filled the tape.
    mutating func occurrence(at index: Int) -> Occurrence? {
        if index < recorded.count { return recorded[index] }
        guard rest != nil else { return nil }
        restIsRead = true
        return rest?.nextOccurrence()
    }
}

/// An instant at which a rule fires, with the local time the rule selected for it.
struct Occurrence: Hashable, Comparable {
    let instant: Instant
    let local: LocalDateTime

    static func < (lhs: Occurrence, rhs: Occurrence) -> Bool {
        (lhs.instant, lhs.local) < (rhs.instant, rhs.local)
    }
}

extension DSTPolicy {
    /// The instants a resolved local time becomes under this policy, ascending.
    func instants(for resolution: LocalResolution) -> [Instant] {
        switch resolution {
        case .unique(let instant):
            return [instant]
        case .gap(let shifted, let transition):
            switch gap {
            case .skip: return []
            case .shiftForward: return [shifted]
            case .transition: return [transition]
            }
        case .overlap(let earlier, let later):
            switch overlap {
            case .earlier: return [earlier]
            case .later: return [later]
            case .both: return [earlier, later]
            }
        }
    }
}

extension LocalResolution {
    /// The instant a reader without a DST policy takes: the local time read with the offset in
    /// force before a transition (python-dateutil's `fold=0`) — the earlier pass of a repeated
    /// time, a missing time moved forward by the gap.
    public var firstReading: Instant {
        switch self {
        case .unique(let instant): instant
        case .gap(let shifted, _): shifted
        case .overlap(let earlier, _): earlier
        }
    }
}

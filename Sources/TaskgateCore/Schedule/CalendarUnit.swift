/// A unit of the calendar, as RRULE's `FREQ` names them.
public enum CalendarUnit: String, CaseIterable, Hashable, Sendable, Comparable {
    case second, minute, hour, day, week, month, year

    /// Shorter units sort first: second before year.
    public static func < (lhs: CalendarUnit, rhs: CalendarUnit) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .second: 0
        case .minute: 1
        case .hour: 2
        case .day: 3
        case .week: 4
        case .month: 5
        case .year: 6
        }
    }

    /// The length of the unit in wall-clock seconds, for units of fixed length.
    var fixedSeconds: Int64? {
        switch self {
        case .second: 1
        case .minute: 60
        case .hour: 3600
        case .day: 86_400
        case .week: 604_800
        case .month, .year: nil
        }
    }
}

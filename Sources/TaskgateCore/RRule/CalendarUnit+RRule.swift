extension CalendarUnit {
    /// The RFC 5545 `FREQ` value of the unit: `SECONDLY` … `YEARLY`.
    var rruleFrequency: String {
        switch self {
        case .second: "SECONDLY"
        case .minute: "MINUTELY"
        case .hour: "HOURLY"
        case .day: "DAILY"
        case .week: "WEEKLY"
        case .month: "MONTHLY"
        case .year: "YEARLY"
        }
    }

    /// The unit of an upper-case RFC 5545 `FREQ` value, if it is one.
    init?(rruleFrequency value: String) {
        guard let unit = CalendarUnit.allCases.first(where: { $0.rruleFrequency == value }) else { return nil }
        self = unit
    }
}

extension Weekday {
    /// The two-letter code RFC 5545 §3.3.10 gives the weekday (`weekday = "SU" / "MO" / …`).
    var rruleCode: String {
        switch self {
        case .monday: "MO"
        case .tuesday: "TU"
        case .wednesday: "WE"
        case .thursday: "TH"
        case .friday: "FR"
        case .saturday: "SA"
        case .sunday: "SU"
        }
    }

    /// The weekday of an upper-case two-letter RFC 5545 code, if it is one.
    init?(rruleCode code: String) {
        guard let weekday = Weekday.allCases.first(where: { $0.rruleCode == code }) else { return nil }
        self = weekday
    }
}

/// fylr's weekday names: the task schema's full lower-case English names (`monday`), and the
/// three-letter names of the sibling `ScheduleApi` shape (`mon`), read in any case
/// (fylr.md §5.3: "accept full names and 3-letter names, case-insensitively").
enum FieldScheduleWeekday {
    /// The weekday a name stands for, or `nil`.
    static func weekday(named name: String) -> Weekday? {
        let lowered = name.lowercased()
        return Weekday.allCases.first { weekday in
            let full = self.name(of: weekday)
            return lowered == full || lowered == String(full.prefix(3))
        }
    }

    /// The name the writer sends: full and lower case, as the task schema declares (§5.3).
    static func name(of weekday: Weekday) -> String {
        weekday.name.lowercased()
    }
}

/// The values one field of a crontab line selects, and whether its text starts with `*`.
///
/// The star matters beyond the values: Debian cron (`entry.c`) sets `MIN_STAR`, `HR_STAR`,
/// `DOM_STAR` and `DOW_STAR` when a field's first character is `*`, and those flags, not the
/// values, decide how the day fields combine and how the line behaves on DST days.
struct UnixCronFieldValue: Hashable {
    /// The selected values; day-of-week 7 is already folded onto Sunday 0.
    var values: Set<Int>
    /// Whether the field's text starts with `*` (`*`, `*/15`, `*,5`).
    var startsWithStar: Bool

    /// Every value of the field, written `*`.
    static func star(_ field: UnixCronField) -> UnixCronFieldValue {
        UnixCronFieldValue(values: field.starStep(1), startsWithStar: true)
    }

    /// One value, written as a number.
    static func single(_ value: Int) -> UnixCronFieldValue {
        UnixCronFieldValue(values: [value], startsWithStar: false)
    }
}

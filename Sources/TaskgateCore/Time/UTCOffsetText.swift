/// UTC offsets written as ISO 8601 does.
public enum UTCOffsetText {
    /// `+05:30`, `-04:00`, `+00:00` for an offset in seconds east of UTC.
    public static func format(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(sign)\((magnitude / 3600).zeroPadded(2)):\((magnitude % 3600 / 60).zeroPadded(2))"
    }
}

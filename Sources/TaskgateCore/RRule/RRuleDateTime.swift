/// A DATE or DATE-TIME value as RFC 5545 §3.3.4–§3.3.5 writes it: `19970714`,
/// `19970714T133000` (floating: a wall-clock reading) or `19970714T173000Z` (UTC).
struct RRuleDateTime: Hashable, Sendable, CustomStringConvertible {
    /// How the value was written.
    enum Form: Hashable, Sendable {
        /// `YYYYMMDD`: a whole date; ``RRuleDateTime/local`` is its midnight.
        case date
        /// `YYYYMMDDTHHMMSS`: a wall-clock reading in the zone of the rule.
        case floating
        /// `YYYYMMDDTHHMMSSZ`: a UTC reading, that is an instant.
        case utc
    }

    /// The reading: in UTC for ``Form/utc``, on the wall clock otherwise.
    var local: LocalDateTime
    var form: Form

    /// The instant of a ``Form/utc`` value.
    var instant: Instant? {
        form == .utc ? Instant(secondsSinceEpoch: local.secondsSinceEpoch) : nil
    }

    /// Reads `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ` (`T` and `Z` in either case).
    ///
    /// A second of 60 (RFC 5545 allows a leap second) is refused: POSIX time, and so every
    /// instant taskgate handles, has no leap seconds.
    init?(parsing bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<(start + length)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2) else { return nil }
        if bytes.count == 8 {
            guard let date = LocalDateTime(validating: year, month: month, day: day) else { return nil }
            self.init(local: date, form: .date)
            return
        }
        guard bytes[8] == UInt8(ascii: "T") || bytes[8] == UInt8(ascii: "t"),
            let hour = number(9, 2), let minute = number(11, 2), let second = number(13, 2),
            let value = LocalDateTime(
                validating: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        if bytes.count == 16 {
            guard bytes[15] == UInt8(ascii: "Z") || bytes[15] == UInt8(ascii: "z") else { return nil }
            self.init(local: value, form: .utc)
        } else {
            self.init(local: value, form: .floating)
        }
    }

    init(local: LocalDateTime, form: Form) {
        self.local = local
        self.form = form
    }

    /// The UTC value of an instant: `20260308T073000Z`.
    init(instant: Instant) {
        self.init(local: instant.localDateTime(offset: 0), form: .utc)
    }

    /// The RFC 5545 text: `19970714`, `19970714T133000` or `19970714T173000Z`.
    var description: String {
        let date = "\(local.year.zeroPadded(4))\(local.month.zeroPadded(2))\(local.day.zeroPadded(2))"
        let time = "T\(local.hour.zeroPadded(2))\(local.minute.zeroPadded(2))\(local.second.zeroPadded(2))"
        switch form {
        case .date: return date
        case .floating: return date + time
        case .utc: return date + time + "Z"
        }
    }
}

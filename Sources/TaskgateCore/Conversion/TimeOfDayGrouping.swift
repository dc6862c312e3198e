/// Writes a set of times of day as few products `hours × minutes × seconds` as it can: hours
/// that share their minute-and-second pattern form one product group, minutes that share their
/// seconds likewise.
///
/// Every 40 minutes from midnight gives two groups: even hours at :00 and :40, odd hours at :20
/// — the two Quartz patterns of the issue.
enum TimeOfDayGrouping {
    /// One product of the grouping.
    struct Product: Hashable {
        var hours: FieldSet
        var minutes: FieldSet
        var seconds: FieldSet
    }

    /// Products whose union is exactly `secondsOfDay` (each value in 0..<86400).
    static func products(of secondsOfDay: some Sequence<Int>) -> [Product] {
        var patternByHour: [Int: [Int: FieldSet]] = [:]
        for time in secondsOfDay where (0..<86_400).contains(time) {
            let hour = time / 3600
            let minute = time % 3600 / 60
            var pattern = patternByHour[hour, default: [:]]
            var seconds = pattern[minute, default: FieldSet(bits: 0)]
            seconds.insert(time % 60)
            pattern[minute] = seconds
            patternByHour[hour] = pattern
        }
        // Hours with the same pattern of (minute → seconds) share products.
        var hoursByPattern: [[Int: FieldSet]: FieldSet] = [:]
        for (hour, pattern) in patternByHour {
            var hours = hoursByPattern[pattern, default: FieldSet(bits: 0)]
            hours.insert(hour)
            hoursByPattern[pattern] = hours
        }
        var products: [Product] = []
        for (pattern, hours) in hoursByPattern {
            var minutesBySeconds: [FieldSet: FieldSet] = [:]
            for (minute, seconds) in pattern {
                var minutes = minutesBySeconds[seconds, default: FieldSet(bits: 0)]
                minutes.insert(minute)
                minutesBySeconds[seconds] = minutes
            }
            for (seconds, minutes) in minutesBySeconds {
                products.append(Product(hours: hours, minutes: minutes, seconds: seconds))
            }
        }
        return products.sorted {
            ($0.hours.first ?? 0, $0.minutes.first ?? 0, $0.seconds.first ?? 0) < (
                $1.hours.first ?? 0, $1.minutes.first ?? 0, $1.seconds.first ?? 0
            )
        }
    }
}

extension ScheduleRule {
    /// The seconds of the day the rule's hour, minute and second sets select, ascending.
    var secondsOfDay: [Int] {
        var result: [Int] = []
        for hour in hours where hour < 24 {
            for minute in minutes where minute < 60 {
                for second in seconds where second < 60 { result.append(hour * 3600 + minute * 60 + second) }
            }
        }
        return result
    }

    /// Copies of the rule, one per product, with those times of day.
    func withTimes(_ products: [TimeOfDayGrouping.Product]) -> [ScheduleRule] {
        products.map { product in
            var rule = self
            rule.hours = product.hours
            rule.minutes = product.minutes
            rule.seconds = product.seconds
            return rule
        }
    }
}

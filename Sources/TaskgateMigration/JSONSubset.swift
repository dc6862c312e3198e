public import TaskgateCore

/// Whether everything a client sent arrived: each member of the sent document is in the stored one
/// with the same value, servers adding their own members around it.
public enum JSONSubset {
    /// The first path where `stored` does not hold `sent`, or `nil` when it holds all of it.
    ///
    /// Top-level members named in `ignoring` (the server's own) are not compared. Objects may have more
    /// members in `stored`; arrays must have the same length, item by item; a
    /// sent `null` matches a missing member; integers and doubles compare by value.
    public static func firstDifference(
        sent: JSONValue, stored: JSONValue?, ignoring: Set<String> = [], at path: String = "$"
    ) -> String? {
        var sent = sent
        if !ignoring.isEmpty, case .object(var members) = sent {
            for key in ignoring { members.removeValue(forKey: key) }
            sent = .object(members)
        }
        switch (sent, stored) {
        case (.null, nil), (.null, .null?): return nil
        case (.object(let members), .object(let storedMembers)?):
            for key in members.keys.sorted() {
                if let difference = firstDifference(
                    sent: members[key] ?? .null, stored: storedMembers[key], at: "\(path).\(key)")
                {
                    return difference
                }
            }
            return nil
        case (.array(let items), .array(let storedItems)?):
            guard items.count == storedItems.count else { return path }
            for (index, item) in items.enumerated() {
                if let difference = firstDifference(sent: item, stored: storedItems[index], at: "\(path)[\(index)]") {
                    return difference
                }
            }
            return nil
        case (.integer(let number), .double(let other)?): return Double(number) == other ? nil : path
        case (.double(let number), .integer(let other)?): return number == Double(other) ? nil : path
        default: return sent == stored ? nil : path
        }
    }
}

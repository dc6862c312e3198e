#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar: Sendable {
    /// How many items there are.
    let total: Int
    /// Whether to draw at all.
    let enabled: Bool
    /// What the items are called: `files`, `tasks`.
    let unit: String

    /// A bar for `total` items, drawn when standard error is a terminal.
    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1, unit: String = "files") {
        self.total = total
        self.enabled = enabled && total > 0
        self.unit = unit
    }

    /// `[#########           ] 45/100 files`.
    static func line(done: Int, total: Int, width: Int = 30, unit: String = "files") -> String {
        let filled = total == 0 ? width : done * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(done)/\(total) \(unit)"
    }

    /// Redraws the bar, with `detail` after it (a rate, an ETA).
    func update(done: Int, detail: String = "") {
        guard enabled else { return }
        let text = "\r" + Self.line(done: done, total: total, unit: unit) + detail + (done == total ? "\n" : "")
        _ = text.withCString { pointer in Glibc.write(STDERR_FILENO, pointer, strlen(pointer)) }
    }
}

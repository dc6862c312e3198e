#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar: Sendable {
    /// How many files there are.
    let total: Int
    /// Whether to draw at all.
    let enabled: Bool

    /// A bar for `total` files, drawn when standard error is a terminal.
    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.enabled = enabled && total > 0
    }

    /// `[#########           ] 45/100 files`.
    static func line(done: Int, total: Int, width: Int = 30) -> String {
        let filled = total == 0 ? width : done * width / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(done)/\(total) files"
    }

    /// Redraws the bar.
    func update(done: Int) {
        guard enabled else { return }
        let text = "\r" + Self.line(done: done, total: total) + (done == total ? "\n" : "")
        _ = text.withCString { pointer in Glibc.write(STDERR_FILENO, pointer, strlen(pointer)) }
    }
}

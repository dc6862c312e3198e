#if canImport(Glibc)
    import Glibc
#endif

/// How the long-running servers (`serve`, `emulate`) have glibc keep the memory they free.
///
/// glibc trims a thread's arena whenever a free leaves 128 KB or more unused at its top: an `madvise` that
/// flushes the TLB of every core with an interrupt. The emulators' writer thread frees such blocks
/// (SQLite's, a commit group's) once per commit; `perf` put 10 % of an emulator's create in those
/// `madvise` calls, and bench-emulators' fylr POST ran at 16,900 requests/s with them, 19,000 without.
/// For the servers, trimming waits for 64 MB unused, and blocks below 16 MB come from the arenas instead of
/// `mmap` (setting the first stops glibc from raising the second by itself). The batch commands keep
/// glibc's defaults: their memory is measured, and they end.
enum ServerMemory {
    /// The subcommands that serve requests until stopped.
    static let serverCommands: Set<String> = ["serve", "emulate"]

    /// Whether `arguments` (the program's, its name first) run one of ``serverCommands``.
    static func servesRequests(_ arguments: [String]) -> Bool {
        arguments.dropFirst().first.map(serverCommands.contains) ?? false
    }

    /// Sets glibc's trim and `mmap` thresholds when `arguments` run a server; runs first in `main`,
    /// before any other thread allocates.
    static func keepFreedMemoryIfServing(_ arguments: [String]) {
        guard servesRequests(arguments) else { return }
        #if canImport(Glibc)
            // `mallopt` and its parameters are in <malloc.h>, which the Glibc module does not export: the
            // function is looked up by name, and the parameters are glibc's values of M_TRIM_THRESHOLD and
            // M_MMAP_THRESHOLD.
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
            let trimThreshold: Int32 = -1
            let mmapThreshold: Int32 = -3
            _ = mallopt(trimThreshold, 64 << 20)
            _ = mallopt(mmapThreshold, 16 << 20)
        #endif
    }
}

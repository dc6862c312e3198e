import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Where the long-running servers (`serve`, `emulate`) run their Swift concurrency jobs.
///
/// A request handled by Hummingbird is read on one of NIO's event-loop threads, handled in a task on
/// Swift's cooperative pool, and written back on the event loop: two thread switches per request, each a
/// futex wake and sleep, and more for every `await` that resumes elsewhere. Installing NIO's event-loop
/// group as the global executor runs those tasks on the event-loop threads themselves, so that a
/// request's work stays on the thread that read it.
///
/// Only for the servers: a job enqueued from an event loop stays on that loop, so the task groups that
/// `convert` and `migrate` spread over the cores would all run on one thread.
enum ServerExecutor {
    /// The subcommands that serve requests until stopped.
    static let serverCommands: Set<String> = ["serve", "emulate"]

    /// Whether `arguments` (the program's, its name first) run one of ``serverCommands``.
    static func servesRequests(_ arguments: [String]) -> Bool {
        arguments.dropFirst().first.map(serverCommands.contains) ?? false
    }

    /// Installs the event loops as the global executor and keeps freed memory when `arguments` run a
    /// server; must run first in `main`, on the main thread, before any task is started.
    static func installIfServing(_ arguments: [String]) {
        guard servesRequests(arguments) else { return }
        keepFreedMemory()
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Stops glibc from handing freed memory back to the kernel after every large free.
    ///
    /// A thread's arena is trimmed whenever a free leaves 128 KB or more unused at its top: an `madvise`
    /// that flushes the TLB of every core with an interrupt. The emulators' writer thread frees such
    /// blocks (SQLite's, the group's) once per commit, and `perf` put 10 % of an emulator's create in
    /// those `madvise` calls. Trimming now waits for 64 MB unused, and blocks below 16 MB come from the
    /// arenas instead of `mmap` (setting the first stops glibc from raising the second by itself).
    private static func keepFreedMemory() {
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

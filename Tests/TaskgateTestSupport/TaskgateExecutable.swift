import Foundation

/// The `taskgate` executable of this build, for tests that run it as a process.
public enum TaskgateExecutable {
    /// `TASKGATE_EXECUTABLE`, else the executable beside the test bundle (`swift build --build-tests` puts
    /// both in the same build directory), looked for up to three folders above it; `nil` when there is none.
    public static var path: String? {
        if let path = ProcessInfo.processInfo.environment["TASKGATE_EXECUTABLE"], !path.isEmpty { return path }
        var folders = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("taskgate").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }
}

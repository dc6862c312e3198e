public import Foundation

/// Finds the folder of mapping files (DESIGN.md §4): `--mappings DIR`, else `$TASKGATE_MAPPINGS`,
/// else a `mappings` folder in the current directory or one above it, else one next to the
/// executable (`../share/taskgate/mappings` when installed, or above it in a build tree).
///
/// A folder counts when it holds `windows-zones.yaml`. A folder named by the option or the
/// variable must hold it; the searched places are only candidates.
public struct MappingsLocator: Sendable {
    /// The file whose presence marks a mappings folder.
    public static let markerFile = "windows-zones.yaml"
    /// The environment variable that names the folder.
    public static let environmentVariable = "TASKGATE_MAPPINGS"

    /// The folder given on the command line, if any.
    public var option: String?
    /// The process environment.
    public var environment: [String: String]
    /// The current directory.
    public var currentDirectory: String
    /// The running executable, if known.
    public var executablePath: String?

    /// Creates a locator from explicit inputs (tests give their own).
    public init(option: String?, environment: [String: String], currentDirectory: String, executablePath: String?) {
        self.option = option
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executablePath = executablePath
    }

    /// The folder from the command line, the environment and the file system of this process.
    public static func fromProcess(option: String?) -> MappingsLocator {
        MappingsLocator(
            option: option, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: Bundle.main.executableURL?.resolvingSymlinksInPath().path)
    }

    /// The folder, or `nil` when neither the option, the variable nor a search found one.
    ///
    /// - Throws: ``MappingsFileError`` when the option or the variable names a folder without the
    ///   mapping files.
    public func locate() throws(MappingsFileError) -> URL? {
        if let option {
            return try required(option, source: "--mappings")
        }
        if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            return try required(variable, source: "$\(Self.environmentVariable)")
        }
        return candidates().first(where: Self.holdsMappings)
    }

    /// The places searched, in order, as a message names them: their paths, separated by commas.
    public var searchedPlaces: String {
        candidates().map(\.path).joined(separator: ", ")
    }

    /// The places searched, in order, for messages that say where taskgate looked.
    public func candidates() -> [URL] {
        var places = Self.walkingUp(from: URL(fileURLWithPath: currentDirectory, isDirectory: true))
        if let executablePath {
            let directory = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
            places.append(directory.appendingPathComponent("../share/taskgate/mappings").standardizedFileURL)
            places += Self.walkingUp(from: directory)
        }
        var seen: Set<String> = []
        return places.filter { seen.insert($0.path).inserted }
    }

    private func required(_ path: String, source: String) throws(MappingsFileError) -> URL {
        let url = URL(fileURLWithPath: path, isDirectory: true, relativeTo: URL(fileURLWithPath: currentDirectory))
            .standardizedFileURL
        guard Self.holdsMappings(url) else {
            throw MappingsFileError(
                "\(source) '\(path)' has no \(Self.markerFile); expected the taskgate mappings folder")
        }
        return url
    }

    /// `DIR/mappings` for DIR and each of its parents.
    private static func walkingUp(from start: URL) -> [URL] {
        var places: [URL] = []
        var directory = start.standardizedFileURL
        while true {
            places.append(directory.appendingPathComponent("mappings", isDirectory: true))
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return places }
            directory = parent
        }
    }

    private static func holdsMappings(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(markerFile).path)
    }
}

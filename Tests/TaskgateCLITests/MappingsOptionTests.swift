import Foundation
import TaskgateCore
import TaskgateMappings
import Testing

@testable import taskgate

@Suite struct MappingsOptionTests {
    @Test func withoutAMappingsFolderTheVocabularyIsRefusedNamingWhereTaskgateLooked() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("taskgate-no-mappings-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let locator = MappingsLocator(option: nil, environment: [:], currentDirectory: empty.path, executablePath: nil)
        let searched = locator.candidates().map(\.path).joined(separator: ", ")
        #expect(searched.hasPrefix(empty.path + "/mappings, "))
        let error = #expect(throws: MappingsFileError.self) { try MappingsOption.vocabulary(from: locator) }
        #expect(
            error?.description
                == "no mappings folder was found (searched \(searched)); its vocabulary.yaml names the task kinds "
                + "of every product: give the folder with --mappings DIR or $TASKGATE_MAPPINGS")
    }

    @Test func theRepositoryFolderGivesTheVocabulary() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let locator = MappingsLocator(
            option: nil, environment: [:], currentDirectory: repository.path, executablePath: nil)
        let vocabulary = try MappingsOption.vocabulary(from: locator)
        #expect(vocabulary != Vocabulary())
    }
}

import Foundation
import TaskgateCore
import Testing

@testable import taskgate

/// Every directed pair of the five products over the repository's examples, with the example id
/// map: the written files and the report (status, losses word for word, schedule verdicts) against
/// golden files in `Fixtures/pairs/`. `TASKGATE_RECORD=1` rewrites them and fails.
@Suite struct ProductPairGoldenTests {
    static let pairs: [(Product, Product)] = Product.allCases.flatMap { source in
        Product.allCases.filter { $0 != source }.map { (source, $0) }
    }

    static let folder = ConvertTesting.root + "/Tests/TaskgateCLITests/Fixtures/pairs"

    @Test(arguments: pairs)
    func examplesConvertAsTheirGolden(source: Product, target: Product) async throws {
        let output = try ConvertTesting.temporaryFolder()
        let result = try await ConvertTesting.run([
            "--from", source.rawValue, "--to", target.rawValue, ConvertTesting.root + "/examples/" + source.rawValue,
            "--id-map", ConvertTesting.root + "/examples/id-map.json", "-o", output,
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: try encoder.encode(result.report), as: UTF8.self) + "\n"
        let written = try FileManager.default.subpathsOfDirectory(atPath: output).sorted()
            .filter { $0.hasSuffix(".json") }
        for name in written {
            text += "\n=== \(name)\n" + (try ConvertTesting.read(output + "/" + name))
        }
        text = text.replacingOccurrences(of: ConvertTesting.root + "/", with: "")
            .replacingOccurrences(of: output + "/", with: "OUT/")
        let golden = try ConvertTesting.golden("\(source.rawValue)-to-\(target.rawValue).txt", text, in: Self.folder)
        #expect(!golden.recorded, "golden file recorded")
        #expect(text == golden.expected)
        #expect(result.exitCode == result.report.worst.exitCode)
    }
}

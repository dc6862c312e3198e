import Foundation
import TaskgateCore
import TaskgateMappings
import Testing

@Suite("Vocabulary loader")
struct VocabularyLoaderTests {
    @Test func theRepositoryVocabularyNamesWynAndVcoTerms() throws {
        let vocabulary = VendorTesting.mappings.0
        #expect(
            vocabulary.action(of: .wyn, values: ["taskType": "RptExport"])
                == ActionTerm(values: ["taskType": "RptExport"], action: "export", target: "report"))
        #expect(vocabulary.action(of: .vco, values: [:])?.action == "run-workflow")
        #expect(vocabulary.delivery(of: .wyn, key: "emailDownloadLink")?.channel == .email(.downloadLink))
        #expect(vocabulary.delivery(of: .wyn, key: "serverPrinter")?.channel == .storage("printer"))
    }

    @Test(arguments: [
        (
            "actions:\n  wyn:\n    - { values: { taskType: X }, target: report }\n",
            "v.yaml: actions.wyn[0].action is missing; expected a canonical action"
        ),
        (
            "deliveries:\n  wyn:\n    - { key: fax, channel: fax/office }\n",
            "v.yaml: deliveries.wyn[0].channel: 'fax/office' is not valid; expected email/<attachment|body|link|download-link>, storage/<kind> or notification/<kind>"
        ),
        (
            "deliveries:\n  wyn:\n    - { key: emailX, channel: email/carrier-pigeon }\n",
            "v.yaml: deliveries.wyn[0].channel: 'email/carrier-pigeon' is not valid; expected email/<attachment|body|link|download-link>, storage/<kind> or notification/<kind>"
        ),
        (
            "actions:\n  sap:\n    - { values: {}, action: run, target: job }\n",
            "v.yaml: actions: 'sap' is not a product; expected one of wyn, qlik-sharing, qlik-scheduling, fylr, vco"
        ),
    ])
    func invalidEntriesAreRefusedWithTheirPlace(yaml: String, message: String) {
        #expect(throws: MappingsFileError(message)) {
            try VocabularyLoader.vocabulary(yaml: yaml, file: "v.yaml")
        }
    }
}

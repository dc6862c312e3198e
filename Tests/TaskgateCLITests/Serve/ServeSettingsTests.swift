import ArgumentParser
import Foundation
import TaskgateCore
import TaskgateProxy
import Testing

@testable import taskgate

/// `taskgate serve` settings: defaults, the YAML file, the environment and flags, in that order.
@Suite struct ServeSettingsTests {
    @Test func defaultsServeWynInFrontOfABuiltInQlikSharing() throws {
        let settings = try ServeCommand.parse([]).settings(environment: [:])
        #expect(settings == ServeSettings())
        #expect(settings.front == .wyn)
        #expect(settings.upstream == .qlikSharing)
        #expect(settings.upstreamURL == nil)
        #expect(settings.port == 8080)
        #expect(settings.store == "taskgate.sqlite")
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).yaml")
        try """
        front: fylr
        upstream: vco=https://vco.example.com:8281
        port: 9090
        front-token: from-file
        upstream-token: upstream-from-file
        lenient: true
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let command = try ServeCommand.parse(["--config", file.path, "--front", "wyn", "--strict"])
        let settings = try command.settings(environment: ["TASKGATE_FRONT_TOKEN": "from-environment"])
        #expect(settings.front == .wyn)
        #expect(settings.upstream == .vco)
        #expect(settings.upstreamURL == "https://vco.example.com:8281")
        #expect(settings.port == 9090)
        #expect(settings.frontToken == "from-environment")
        #expect(settings.upstreamToken == "upstream-from-file")
        #expect(settings.lenient == false)
    }

    @Test func badSettingsSayWhereAndWhat() throws {
        #expect(throws: SettingsError.self) { try ServeSettings.upstream("qlik=http://x") }
        do {
            _ = try ServeSettings.upstream("fylr=ftp://x")
            Issue.record("accepted an ftp URL")
        } catch let error as SettingsError {
            #expect(error.description == "--upstream: 'ftp://x' is not an http:// or https:// URL")
        }
        var settings = ServeSettings()
        do {
            try settings.apply(yaml: "colour: blue", file: "serve.yaml")
            Issue.record("accepted an unknown key")
        } catch let error as SettingsError {
            #expect(
                error.description
                    == "serve.yaml: 'colour' is not a setting; expected front, upstream, host, port, store, "
                    + "front-token, upstream-token, credentials, pass-credential, lenient or insecure")
        }
    }

    @Test func credentialPairsComeFromTheConfigFile() throws {
        var settings = ServeSettings()
        try settings.apply(
            yaml: """
                front: qlik-sharing
                credentials:
                  - front-token: team-b-front
                    upstream-token: team-b-upstream
                  - {front-token: team-c-front, upstream-token: team-c-upstream}
                pass-credential: true
                """, file: "serve.yaml")
        #expect(
            settings.credentials == [
                ProxyConfiguration.FrontCredential(frontToken: "team-b-front", upstreamToken: "team-b-upstream"),
                ProxyConfiguration.FrontCredential(frontToken: "team-c-front", upstreamToken: "team-c-upstream"),
            ])
        #expect(settings.passCredential)
        // A broken pair is named by its position; no token of it appears in the message.
        var broken = ServeSettings()
        do {
            try broken.apply(
                yaml: "credentials:\n  - front-token: secret-front-1\n    upstream: secret-up-2\n", file: "serve.yaml")
            Issue.record("accepted a pair without upstream-token")
        } catch let error as SettingsError {
            #expect(
                error.description
                    == "serve.yaml: credentials[0]: expected exactly front-token and upstream-token, both not empty")
        }
    }

    @Test func announcementPrintsThreeCurls() {
        let text = ServeCommand.announcement(ServeSettings(), port: 8080, frontToken: "t0k", generated: true)
        #expect(
            text == """
                taskgate serve: wyn API at http://127.0.0.1:8080/api/v2/scheduler/tasks in front of qlik-sharing at \
                a built-in emulator
                front token (generated): t0k
                Try:
                  curl -s -H 'Reference-Token: t0k' http://127.0.0.1:8080/api/v2/scheduler/tasks
                  curl -s -H 'Reference-Token: t0k' -H 'Content-Type: application/json' \
                -d @examples/wyn/01-seed-cash-flow-report.json 'http://127.0.0.1:8080/api/v2/scheduler/tasks?dryRun=true'
                  curl -s http://127.0.0.1:8080/metrics

                """)
    }
}

import TaskgateCore
import Testing

@testable import taskgate

/// What `serve` prints at start goes to the service's log (journald, the container's log): it
/// names a configured front token only by its variable, and the upstream URL without its password.
@Suite struct ServeAnnouncementSecretTests {
    @Test func aConfiguredTokenAndTheUpstreamPasswordAreNotPrinted() {
        var settings = ServeSettings()
        settings.front = .fylr
        settings.upstreamURL = "https://gateway:url-pass-5@tenant.example.com"
        settings.frontToken = "configured-front-6"
        let text = ServeCommand.announcement(settings, port: 8080, frontToken: "configured-front-6", generated: false)
        #expect(
            text == """
                taskgate serve: fylr API at http://127.0.0.1:8080/api/v1/task in front of qlik-sharing at \
                https://tenant.example.com
                Try:
                  curl -s -H "Authorization: Bearer $TASKGATE_FRONT_TOKEN" http://127.0.0.1:8080/api/v1/task
                  curl -s -H "Authorization: Bearer $TASKGATE_FRONT_TOKEN" -H 'Content-Type: application/json' \
                -d @examples/fylr/TASK.json 'http://127.0.0.1:8080/api/v1/task?dryRun=true'
                  curl -s http://127.0.0.1:8080/metrics

                """)
    }
}

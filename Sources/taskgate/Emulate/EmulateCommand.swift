import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TaskgateEmulators
import UnixSignals

/// `taskgate emulate PRODUCT|all`: runs product API emulators until SIGINT or SIGTERM.
struct EmulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run an emulator of a product's task API (or all five on consecutive ports).",
        discussion: """
            PRODUCT is one of wyn, qlik-sharing, qlik-scheduling, fylr, vco, or all.
            Faults: --faults '5xx=0.1,delay=50ms,drop=0.02,429=0.05,retry-after=2'.
            """
    )

    @Argument(help: "wyn, qlik-sharing, qlik-scheduling, fylr, vco or all")
    var product: String

    @Option(help: "Port to listen on (all: the first of five consecutive ports).")
    var port: Int = 8787

    @Option(help: "Host to bind.")
    var host: String = "127.0.0.1"

    @Option(help: "SQLite database file; tasks are kept in memory without it.")
    var db: String?

    @Option(help: "The credential clients must send (Wyn Reference-Token, bearer token, vCO password).")
    var token: String = "taskgate"

    @Option(help: "Faults to inject, e.g. 5xx=0.1,delay=50ms,drop=0.02,429=0.05.")
    var faults: String?

    func validate() throws {
        guard product == "all" || EmulatedProduct(rawValue: product) != nil else {
            throw ValidationError(
                "product '\(product)' is unknown; expected all or one of "
                    + EmulatedProduct.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let faults {
            do {
                _ = try FaultSpec(parsing: faults)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap { ServerLogHandler(label: $0) }
        defer { LogLineBatcher.standardError.flush() }
        let logger = Logger(label: "taskgate.emulate")
        let faultSpec = try faults.map { text throws(FaultSpecError) in try FaultSpec(parsing: text) } ?? FaultSpec()
        let database = try EmulatorDatabase(path: db)
        let products = EmulatedProduct(rawValue: product).map { [$0] } ?? EmulatedProduct.allCases
        var services: [any Service] = []
        for (index, emulated) in products.enumerated() {
            var configuration = EmulatorConfiguration(product: emulated, host: host, port: port + index, token: token)
            configuration.faults = faultSpec
            let address = "http://\(host):\(port + index)\(emulated.basePath)"
            services.append(
                Emulator.application(configuration, database: database, logger: logger) { _ in
                    // Unbuffered, so that a script reading the output sees each address at once.
                    FileHandle.standardOutput.write(Data("\(emulated.rawValue) \(address)\n".utf8))
                })
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

public import Hummingbird
public import Logging
public import TaskgateCore

/// One emulator's settings.
public struct EmulatorConfiguration: Sendable {
    /// The product emulated.
    public var product: EmulatedProduct
    /// The host to bind.
    public var host: String = "127.0.0.1"
    /// The port to bind (0 = any free port).
    public var port: Int = 0
    /// The credential every request must carry.
    public var token: String = "taskgate"
    /// Faults to inject; none by default.
    public var faults = FaultSpec()

    /// Settings for `product` with the defaults above.
    public init(product: EmulatedProduct, host: String = "127.0.0.1", port: Int = 0, token: String = "taskgate") {
        self.product = product
        self.host = host
        self.port = port
        self.token = token
    }
}

/// The emulators' task database: a SQLite file, or memory. Several emulators may share one.
public final class EmulatorDatabase: Sendable {
    let store: TaskStore

    /// Opens (creating and migrating if needed) the database at `path`, or one in memory.
    public init(path: String?) throws {
        store = try TaskStore(path: path)
    }
}

/// Builds emulator applications.
public enum Emulator {
    /// A Hummingbird application serving one product's task API.
    ///
    /// - Parameters:
    ///   - configuration: product, address, token and faults.
    ///   - database: where tasks live.
    ///   - logger: the application's logger.
    ///   - onServerRunning: called with the bound port once the server listens.
    ///   - clock: "now" for server-set times (next runs, creation times); the system clock by default.
    public static func application(
        _ configuration: EmulatorConfiguration, database: EmulatorDatabase, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }, clock: (@Sendable () -> Instant)? = nil
    ) -> some ApplicationProtocol {
        let router = makeRouter(configuration, database: database, clock: clock ?? { Instant.now() })
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// The router of one emulator (exposed to tests through the application).
    static func makeRouter(
        _ configuration: EmulatorConfiguration, database: EmulatorDatabase,
        clock: @escaping @Sendable () -> Instant = { Instant.now() }
    ) -> Router<BasicRequestContext> {
        let description = configuration.product.description
        let core = EmulatorCore(description: description, store: database.store, clock: clock)
        let router = Router()
        router.add(middleware: FailureMiddleware())
        if configuration.faults.isEnabled {
            router.add(middleware: FaultMiddleware(description: description, faults: configuration.faults))
        }
        router.add(middleware: AuthMiddleware(description: description, token: configuration.token))
        description.registerRoutes(on: router.group(RouterPath(configuration.product.basePath)), core: core)
        description.registerRelatedRoutes(on: router, core: core)
        return router
    }
}

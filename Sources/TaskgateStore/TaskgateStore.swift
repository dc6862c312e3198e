public import TaskgateCore

/// Where taskgate keeps what must survive a restart and be shared by replicas: the id map, idempotency keys
/// and migration journals.
///
/// Every method is atomic. `SQLiteStore` implements it on GRDB; a PostgreSQL implementation (issue 9) goes
/// behind the same protocol, so nothing here names SQL, GRDB or a connection.
public protocol TaskgateStore: Sendable {
    // MARK: id map

    /// The mapping of an upstream task to a front id, created (with a new id in `style`) when there is none.
    ///
    /// A `document` (the task as the front wrote it, see ``keepFrontDocument(_:front:frontID:upstream:)``) is
    /// kept with the mapping in the same transaction: a proxied create writes both at once.
    func frontID(
        upstream: Product, upstreamID: String, front: Product, style: FrontIDStyle, document: [UInt8]?
    ) async throws(StoreError) -> IDMapping

    /// The mapping for a front id, if one exists.
    func mapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> IDMapping?

    /// The mapping for an upstream id, if one exists.
    func mapping(upstream: Product, upstreamID: String, front: Product) async throws(StoreError) -> IDMapping?

    /// Forgets a mapping (after the upstream task was deleted); true when one existed.
    func removeMapping(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> Bool

    /// Keeps `document`, the task as the front last wrote it, with an existing mapping (the proxy reads
    /// from it what the upstream cannot hold); does nothing when there is no mapping.
    func keepFrontDocument(
        _ document: [UInt8], front: Product, frontID: String, upstream: Product
    ) async throws(StoreError)

    /// The task as the front last wrote it, if it was kept.
    func frontDocument(front: Product, frontID: String, upstream: Product) async throws(StoreError) -> [UInt8]?

    // MARK: idempotency keys

    /// Claims `key` for a request whose body hashes to `requestHash`.
    ///
    /// Returns `.claimed` the first time, `.inProgress` while another claim has no response yet, and
    /// `.completed` with the stored response afterwards. Throws `.idempotencyConflict` when the key was used
    /// with a different request hash.
    func claimIdempotencyKey(_ key: String, requestHash: String) async throws(StoreError) -> IdempotencyClaim

    /// Stores the response of a claimed key; later claims replay it.
    func completeIdempotencyKey(_ key: String, response: StoredResponse) async throws(StoreError)

    /// Releases a claim whose request failed without an answer, so that a retry may claim it again.
    func releaseIdempotencyKey(_ key: String) async throws(StoreError)

    // MARK: migration journal

    /// Adds `planned` entries (with a new idempotency key each) for the tasks of a run that have none yet;
    /// entries already present are kept as they are, so a rerun resumes. Returns the run's entries.
    func planMigration(run: String, taskSourceIDs: [String]) async throws(StoreError) -> [JournalEntry]

    /// Moves a task of a run to `step` (write it before and after each remote call) and returns the entry.
    func recordStep(run: String, taskSourceID: String, step: JournalStep) async throws(StoreError) -> JournalEntry

    /// Moves several tasks of a run to their steps in one transaction (one sync to disk for all).
    func recordSteps(run: String, steps: [(taskSourceID: String, step: JournalStep)]) async throws(StoreError)

    /// The entries of a run, in plan order.
    func journal(run: String) async throws(StoreError) -> [JournalEntry]

    /// Every step a task went through in a run, oldest first.
    func history(run: String, taskSourceID: String) async throws(StoreError) -> [JournalStep]
}

extension TaskgateStore {
    /// ``frontID(upstream:upstreamID:front:style:document:)`` without a document.
    public func frontID(
        upstream: Product, upstreamID: String, front: Product, style: FrontIDStyle
    ) async throws(StoreError) -> IDMapping {
        try await frontID(upstream: upstream, upstreamID: upstreamID, front: front, style: style, document: nil)
    }

    /// One ``recordStep(run:taskSourceID:step:)`` after another, for a store without transactions.
    public func recordSteps(
        run: String, steps: [(taskSourceID: String, step: JournalStep)]
    ) async throws(StoreError) {
        for (taskSourceID, step) in steps { _ = try await recordStep(run: run, taskSourceID: taskSourceID, step: step) }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TaskgateCore
import TaskgateEmulators
import TaskgateStore
import TaskgateUpstream
import TaskgateVendors

/// Serves the front product's task routes: checks the credential, converts requests to the
/// upstream product, forwards them, and converts the answers back.
struct ProxyHandler: Sendable {
    /// The settings.
    var configuration: ProxyConfiguration
    /// The upstream HTTP client.
    var client: UpstreamClient
    /// Id map and idempotency keys.
    var store: any TaskgateStore
    /// Counters and latencies.
    var metrics: ProxyMetrics
    /// "Now", for the adapters' context.
    var clock: @Sendable () -> Instant
    /// The id-map rows already read or made.
    var mappings = MappingCache()
    /// Upstream tasks already converted into the front's shape.
    var answers = AnswerMemo()

    /// The front product's wire.
    var front: ProductWire { ProductWire(product: configuration.front) }
    /// The upstream product's wire.
    var upstream: ProductWire { ProductWire(product: configuration.upstream) }

    // MARK: entry

    /// Answers one front request to `route`; failures become the front product's error bodies.
    func respond(_ request: Request, context: BasicRequestContext, route: FrontRoute) async -> Response {
        do {
            guard let upstreamToken = upstreamCredential(for: request) else {
                throw front.failure(.unauthorized, code: "Unauthorized", message: "missing or invalid credentials")
            }
            // This request's handler speaks to the upstream with the credential its front credential maps to.
            var handler = self
            handler.configuration.upstreamToken = upstreamToken
            return try await handler.perform(route, request: request, context: context)
        } catch let failure as ProxyFailure {
            return Self.reply(failure)
        } catch {
            context.logger.error("request failed", metadata: ["tg.error": "\(error)"])
            return Self.reply(front.failure(.internalServerError, code: "InternalError", message: "internal error"))
        }
    }

    /// The upstream credential for the request's front credential: the configured pair's, or the
    /// front credential itself when the proxy passes credentials on; `nil` when there is none.
    func upstreamCredential(for request: Request) -> String? {
        if front.emulated.acceptsCredential(request, token: configuration.frontToken) {
            return configuration.upstreamToken
        }
        for credential in configuration.credentials
        where front.emulated.acceptsCredential(request, token: credential.frontToken) {
            return credential.upstreamToken
        }
        if configuration.passesFrontCredential, let token = front.emulated.presentedCredential(request),
            !token.isEmpty
        {
            return token
        }
        return nil
    }

    private func perform(_ route: FrontRoute, request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await readBody(&request)
        if configuration.isPassThrough {
            return try await passThrough(request, body: body, context: context)
        }
        switch route {
        case .create: return try await create(request, body: body, context: context)
        case .list: return try await list(request, context: context)
        case .get(let id): return try await get(id, context: context)
        case .update(let id): return try await update(id, request: request, body: body, context: context)
        case .delete(let id): return try await delete(id, context: context)
        case .run(let id):
            // Qlik sharing names the task in the body of `/actions/execute`.
            let taskID = id.isEmpty ? JSONReader.value(body)?["sharingTaskID"]?.stringValue ?? "" : id
            return try await run(taskID, context: context)
        }
    }

    /// The body, at most `maximumBodyBytes`; 413 in the front shape beyond.
    private func readBody(_ request: inout Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maximumBodyBytes {
            throw tooLarge()
        }
        do {
            let buffer = try await request.collectBody(upTo: configuration.maximumBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A body without Content-Length (chunked) passes the limit while read: NIOTooManyBytesError.
            throw tooLarge()
        }
    }

    private func tooLarge() -> ProxyFailure {
        front.failure(
            .contentTooLarge, code: "PayloadTooLarge",
            message: "the request body is larger than \(configuration.maximumBodyBytes) bytes")
    }

    // MARK: pass-through

    /// Same product on both sides: the request goes upstream as it came, with the upstream credential.
    private func passThrough(_ request: Request, body: [UInt8], context: BasicRequestContext) async throws -> Response {
        let suffix = String(request.uri.path.dropFirst(front.basePath.count))
        let query = forwardedQuery(request)
        let method = request.method.rawValue
        if Self.isDryRun(request) {
            let plan: JSONObject = [
                "method": .string(method),
                "url": .string(SecretRedaction.redact(url: upstreamURL(suffix, query: query))),
                "body": JSONReader.value(body) ?? .null,
            ]
            return Self.json(
                .object(["request": .object(plan), "verdict": .string(ConversionStatus.exact.rawValue)]), status: .ok)
        }
        let isCreate = method == "POST" && suffix.isEmpty
        return try await idempotent(request, body: body, isCreate: isCreate) { key in
            let answer = try await send(method, suffix, query: query, body: body.isEmpty ? nil : body, key: key)
            var headers: HTTPFields = [:]
            if let type = answer.headers.first(named: "Content-Type") { headers[.contentType] = type }
            if let retry = answer.headers.first(named: "Retry-After") { headers[.retryAfter] = retry }
            // Links in lists point at the upstream server; clients follow them to the proxy.
            let text = String(decoding: answer.body, as: UTF8.self)
                .replacingOccurrences(of: configuration.upstreamURL, with: Self.origin(request))
            return (Self.status(answer.status), headers, Array(text.utf8), nil)
        }
    }

    private func forwardedQuery(_ request: Request) -> String {
        let names = front.credentialQueryNames.union(["dryRun"])
        guard let query = request.uri.query, !query.isEmpty else { return "" }
        return query.split(separator: "&").filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return !names.contains(name)
        }.joined(separator: "&")
    }

    // MARK: converted routes

    private func create(_ request: Request, body: [UInt8], context: BasicRequestContext) async throws -> Response {
        let encoded = try convertRequest(body)
        let json = encoded.json ?? .null
        // A dry run previews any conversion, exact or not: the verdict is in the report.
        if Self.isDryRun(request) {
            return dryRun("POST", "", body: json, encoded: encoded)
        }
        let lossHeader = try checkLosses(encoded)
        return try await idempotent(request, body: body, isCreate: true) { key in
            let answer = try await send("POST", "", body: JSONWriter.bytes(json), key: key)
            try requireSuccess(answer)
            let task = try readUpstreamTask(answer.body)
            guard let upstreamID = upstream.taskID(in: task) else {
                throw front.failure(
                    .badGateway, code: "UpstreamAnswer", message: "the upstream's created task carries no id")
            }
            let mapping = try await mapCreated(upstreamID, written: body, context: context)
            // When the upstream's answer cannot be written back (a field the front cannot hold),
            // the created task is answered as the client sent it, with its new id.
            let frontRequest = JSONReader.value(body) ?? .object([:])
            let converted =
                (try? await convertAnswer(task, frontID: mapping.frontID, written: body))
                ?? front.settingID(mapping.frontID, in: frontRequest)
            return (front.createdStatus, Self.jsonHeaders(lossHeader), JSONWriter.bytes(converted), upstreamID)
        }
    }

    private func list(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var tasks: [JSONValue] = []
        var query: String? = upstream.firstPageQuery
        var pages = 0
        while let current = query, pages < 1000 {
            pages += 1
            let answer = try await send("GET", "", query: current, body: nil, key: nil)
            try requireSuccess(answer)
            guard let page = JSONReader.value(answer.body).flatMap({ upstream.readPage($0, query: current) }) else {
                throw front.failure(
                    .badGateway, code: "UpstreamAnswer",
                    message: "the upstream's list is not a \(upstream.product) list")
            }
            for item in page.items {
                var task = item
                if configuration.upstream == .vco, let id = item["id"]?.stringValue {
                    let one = try await send("GET", "/\(id)", body: nil, key: nil)
                    guard (200..<300).contains(one.status) else { continue }
                    task = try readUpstreamTask(one.body)
                }
                guard let upstreamID = upstream.taskID(in: task) else { continue }
                let mapping = try await mapID(upstreamID)
                tasks.append(try await convertAnswer(task, frontID: mapping.frontID))
            }
            query = page.nextQuery
        }
        return Self.json(try front.page(of: tasks, request: request, origin: Self.origin(request)), status: .ok)
    }

    private func get(_ id: String, context: BasicRequestContext) async throws -> Response {
        let upstreamID = try await upstreamID(for: id)
        return Self.json(try await convertAnswer(body: try await upstreamAnswer(upstreamID), frontID: id), status: .ok)
    }

    private func update(
        _ id: String, request: Request, body: [UInt8], context: BasicRequestContext
    ) async throws -> Response {
        let method = upstream.updateMethod
        let upstreamID = try await upstreamID(for: id)
        var body = body
        // The task as the upstream holds it, read at most once: Qlik sharing's patch applies to it, and
        // fylr's next version counts from it.
        var current: JSONValue?
        if configuration.front == .qlikSharing {
            let patch = try qlikSharingPatch(body)
            let task = try await upstreamTask(upstreamID)
            current = task
            let written = try await convertAnswer(task, frontID: id)
            body = JSONWriter.bytes(.object(patch.applied(to: written.objectValue ?? [:])))
        }
        let encoded = try convertRequest(body)
        let json = encoded.json ?? .null
        if Self.isDryRun(request) {
            return dryRun(method.rawValue, "/\(upstreamID)", body: json, encoded: encoded)
        }
        let lossHeader = try checkLosses(encoded)
        var document = json
        switch configuration.upstream {
        case .qlikSharing:
            document = ProductWire.qlikSharingPatch(json)
        case .fylr:
            if current == nil { current = try await upstreamTask(upstreamID) }
            document = ProductWire.fylrNextVersion(json, current: current ?? .null)
        case .wyn, .qlikScheduling, .vco:
            break
        }
        let answer = try await send(method.rawValue, "/\(upstreamID)", body: JSONWriter.bytes(document), key: nil)
        try requireSuccess(answer)
        await keepWritten(body, frontID: id, context: context)
        // Qlik sharing answers an edit with 204 and no body.
        if configuration.front == .qlikSharing {
            var headers: HTTPFields = [:]
            if let lossHeader { headers[.taskgateLoss] = lossHeader }
            return Response(status: .noContent, headers: headers)
        }
        var task = JSONReader.value(answer.body)
        if task == nil || task == .null || upstream.taskID(in: task ?? .null) == nil {
            task = try await upstreamTask(upstreamID)
        }
        let converted = try await convertAnswer(task ?? .null, frontID: id)
        return Self.reply(status: .ok, headers: Self.jsonHeaders(lossHeader), body: JSONWriter.bytes(converted))
    }

    /// Qlik sharing's edit body, a JSON Patch of `replace`/`remove` operations on top-level fields;
    /// 400 in Qlik's shape when it is not one.
    private func qlikSharingPatch(_ body: [UInt8]) throws(ProxyFailure) -> QlikSharingPatch {
        guard let json = JSONReader.value(body) else {
            throw front.failure(.badRequest, code: "InvalidBody", message: "the request body is not valid JSON")
        }
        switch QlikSharingPatch.read(json) {
        case .success(let patch): return patch
        case .failure(let error): throw front.failure(.badRequest, code: "InvalidBody", message: error.message)
        }
    }

    /// The upstream's task `upstreamID` as it holds it now.
    private func upstreamTask(_ upstreamID: String) async throws(ProxyFailure) -> JSONValue {
        try readUpstreamTask(try await upstreamAnswer(upstreamID))
    }

    /// The body of the upstream's successful answer for its task `upstreamID`.
    private func upstreamAnswer(_ upstreamID: String) async throws(ProxyFailure) -> [UInt8] {
        let answer = try await send("GET", "/\(upstreamID)", body: nil, key: nil)
        try requireSuccess(answer)
        return answer.body
    }

    private func delete(_ id: String, context: BasicRequestContext) async throws -> Response {
        let upstreamID = try await upstreamID(for: id)
        let answer = try await send("DELETE", "/\(upstreamID)", body: nil, key: nil)
        try requireSuccess(answer)
        _ = try await store.removeMapping(front: configuration.front, frontID: id, upstream: configuration.upstream)
        mappings.forget(front: id)
        let (status, body) = front.deleteAnswer
        return body.map { Self.json($0, status: status) } ?? Response(status: status)
    }

    private func run(_ id: String, context: BasicRequestContext) async throws -> Response {
        let upstreamID = try await upstreamID(for: id)
        switch upstream.runRequest(id: upstreamID) {
        case .post(let path, let body):
            let answer = try await send("POST", path, body: body.map { JSONWriter.bytes($0) }, key: nil)
            try requireSuccess(answer)
        case .nextRunNow:
            let document = ProductWire.fylrRunNow(try await upstreamTask(upstreamID), now: clock())
            let answer = try await send(
                upstream.updateMethod.rawValue, "/\(upstreamID)", body: JSONWriter.bytes(document), key: nil)
            try requireSuccess(answer)
        case .workflowExecution:
            guard let execution = ProductWire.vcoWorkflowExecution(of: try await upstreamTask(upstreamID)) else {
                throw front.failure(
                    .badGateway, code: "UpstreamAnswer", message: "the upstream's task names no workflow to run")
            }
            let answer = try await send(
                "POST", absolutePath: execution.path, body: JSONWriter.bytes(execution.body), key: nil)
            try requireSuccess(answer)
        }
        let (status, reply) = front.runAnswer(id: id, now: clock(), runID: RandomUUID.text())
        return reply.map { Self.json($0, status: status) } ?? Response(status: status)
    }

    // MARK: conversion

    private func context() -> AdapterContext {
        var context = configuration.adapterContext
        context.now = clock()
        return context
    }

    /// Front JSON → canonical → upstream JSON; 400 in the front shape when the body cannot be read.
    private func convertRequest(_ body: [UInt8]) throws(ProxyFailure) -> EncodedTask {
        guard let json = JSONReader.value(body) else {
            throw front.failure(.badRequest, code: "InvalidBody", message: "the request body is not valid JSON")
        }
        let decoded = Result { () throws(TaskDecodingError) -> CanonicalTask in
            try ProductAdapters.adapter(for: configuration.front).decode(json, context: context())
        }
        guard case .success(let task) = decoded else {
            throw front.failure(.badRequest, code: "InvalidBody", message: Self.describe(decoded))
        }
        let encoded = ProductAdapters.adapter(for: configuration.upstream).encode(task, context: context())
        metrics.conversion(verdict: encoded.status.rawValue, direction: "request")
        return encoded
    }

    /// Refuses a conversion that is not exact (strict, or impossible in any mode) with 422 and the
    /// report; in lenient mode returns the `Taskgate-Loss` header value for a lossy one.
    private func checkLosses(_ encoded: EncodedTask) throws(ProxyFailure) -> String? {
        switch encoded.status {
        case .exact:
            return nil
        case .lossy where configuration.lossPolicy == .lenient:
            return ConversionReport.header(encoded)
        case .lossy, .impossible:
            throw front.failure(
                .unprocessableContent, code: "ConversionNotExact",
                message: "the task cannot be kept exactly in \(configuration.upstream): \(encoded.status.rawValue) "
                    + "(\(encoded.losses.count) losses, schedule \(encoded.schedule.status.rawValue))",
                report: ConversionReport.json(encoded))
        }
    }

    /// Upstream task JSON → canonical → front JSON with the front id. Where the front's shape cannot hold
    /// the upstream's task exactly, the parts the upstream cannot hold come from the task as the front
    /// last wrote it (`WrittenTaskMerge`): `written` when the caller has just kept it (a create), else the
    /// store's. Answers are remembered (``AnswerMemo``), but for a created task's.
    private func convertAnswer(
        _ task: JSONValue, frontID: String, written: [UInt8]? = nil
    ) async throws(ProxyFailure) -> JSONValue {
        if let written {
            // A created task's answer carries its new id, so no later answer has the same text: it is
            // converted once, with the document at hand, and not remembered (`convert` merges the document
            // only when the task alone does not convert exactly). Through the memo it was written out as a
            // key and converted twice, first alone and then with the document.
            return try answer(convert(task, written: written, now: clock()), frontID: frontID)
        }
        return try await convertAnswer(key: JSONWriter.bytes(task), frontID: frontID) { task }
    }

    /// ``convertAnswer(_:frontID:written:)`` of the task the upstream answered as `body`, read only when its answer
    /// is not remembered.
    private func convertAnswer(body: [UInt8], frontID: String) async throws(ProxyFailure) -> JSONValue {
        try await convertAnswer(key: body, frontID: frontID) { JSONReader.value(body) }
    }

    /// The front's document is read from the store when the upstream's task alone does not convert exactly.
    private func convertAnswer(
        key: [UInt8], frontID: String, task: () -> JSONValue?
    ) async throws(ProxyFailure) -> JSONValue {
        let now = clock()
        var answer = answers.answer(for: AnswerMemo.Key(task: key, written: nil, now: now)) {
            convert(task(), written: nil, now: now)
        }
        if case .success(let alone) = answer, alone.status != .exact, let written = await writtenDocument(frontID) {
            answer = answers.answer(for: AnswerMemo.Key(task: key, written: written, now: now)) {
                convert(task(), written: written, now: now)
            }
        }
        return try self.answer(answer, frontID: frontID)
    }

    /// The front JSON of a conversion's outcome, with the front id; 502 in the front's shape when the
    /// upstream's task could not be read or cannot be written as a front task.
    private func answer(
        _ answer: Result<AnswerMemo.Answer, AnswerMemo.Failure>, frontID: String
    ) throws(ProxyFailure) -> JSONValue {
        switch answer {
        case .failure(.notATask):
            throw front.failure(.badGateway, code: "UpstreamAnswer", message: "the upstream's answer is not a task")
        case .failure(.unreadable(let error)):
            throw front.failure(
                .badGateway, code: "UpstreamAnswer", message: "the upstream's task could not be read: \(error)")
        case .success(let converted):
            metrics.conversion(verdict: converted.status.rawValue, direction: "response")
            guard let json = converted.json else {
                throw front.failure(
                    .badGateway, code: "UpstreamAnswer",
                    message: "the upstream's task cannot be written as a \(configuration.front) task")
            }
            return front.settingID(frontID, in: json)
        }
    }

    /// The upstream's task in the front's shape, completed from the front's document `written` (when
    /// given and it still reads) where the front's shape cannot hold the upstream's task exactly.
    private func convert(
        _ task: JSONValue?, written: [UInt8]?, now: Instant
    ) -> Result<AnswerMemo.Answer, AnswerMemo.Failure> {
        guard let task, task.objectValue != nil else { return .failure(.notATask) }
        var context = configuration.adapterContext
        context.now = now
        let frontAdapter = ProductAdapters.adapter(for: configuration.front)
        let canonical: CanonicalTask
        do {
            canonical = try ProductAdapters.adapter(for: configuration.upstream).decode(task, context: context)
        } catch {
            return .failure(.unreadable(error))
        }
        var encoded = frontAdapter.encode(canonical, context: context)
        if encoded.status != .exact, let json = written.flatMap({ JSONReader.value($0) }),
            let writtenTask = try? frontAdapter.decode(json, context: context)
        {
            let merged = frontAdapter.encode(
                WrittenTaskMerge.merge(upstream: canonical, written: writtenTask), context: context)
            if merged.json != nil { encoded = merged }
        }
        return .success(AnswerMemo.Answer(json: encoded.json, status: encoded.status))
    }

    /// The task as the front last wrote it, as the store kept it; `nil` when none was kept or the store
    /// cannot say.
    private func writtenDocument(_ frontID: String) async -> [UInt8]? {
        try? await store.frontDocument(
            front: configuration.front, frontID: frontID, upstream: configuration.upstream)
    }

    /// Keeps what the front wrote beside the mapping; a failure costs only the completion of later
    /// answers, so it is logged, not answered.
    private func keepWritten(_ body: [UInt8], frontID: String, context: BasicRequestContext) async {
        do {
            try await store.keepFrontDocument(
                body, front: configuration.front, frontID: frontID, upstream: configuration.upstream)
        } catch {
            context.logger.warning("the front's document was not kept", metadata: ["tg.error": "\(error)"])
        }
    }

    private func readUpstreamTask(_ body: [UInt8]) throws(ProxyFailure) -> JSONValue {
        guard let task = JSONReader.value(body), task.objectValue != nil else {
            throw front.failure(.badGateway, code: "UpstreamAnswer", message: "the upstream's answer is not a task")
        }
        return task
    }

    private func dryRun(_ method: String, _ suffix: String, body: JSONValue, encoded: EncodedTask) -> Response {
        var report = ConversionReport.json(encoded).objectValue ?? [:]
        report["request"] = .object([
            "method": .string(method), "url": .string(SecretRedaction.redact(url: upstreamURL(suffix, query: ""))),
            "body": body,
        ])
        return Self.json(.object(report), status: .ok)
    }

    // MARK: ids

    /// The front id of a task the front has just created upstream, with `written`, the document it was
    /// created with, kept beside the mapping: in the mapping's own write when the mapping is new.
    private func mapCreated(
        _ upstreamID: String, written: [UInt8], context: BasicRequestContext
    ) async throws -> IDMapping {
        guard mappings.frontID(upstream: upstreamID) == nil else {
            let mapping = try await mapID(upstreamID)
            await keepWritten(written, frontID: mapping.frontID, context: context)
            return mapping
        }
        return try await mapID(upstreamID, written: written)
    }

    /// The front id of `upstreamID`, made and stored (with `written`, when given) if it has none.
    private func mapID(_ upstreamID: String, written: [UInt8]? = nil) async throws -> IDMapping {
        if let frontID = mappings.frontID(upstream: upstreamID) {
            return IDMapping(
                front: configuration.front, frontID: frontID, upstream: configuration.upstream, upstreamID: upstreamID)
        }
        let mapping = try await store.frontID(
            upstream: configuration.upstream, upstreamID: upstreamID, front: configuration.front,
            style: FrontIDStyle.style(of: configuration.front), document: written)
        mappings.remember(mapping)
        return mapping
    }

    private func upstreamID(for frontID: String) async throws -> String {
        if let known = mappings.upstreamID(front: frontID) { return known }
        guard
            let mapping = try await store.mapping(
                front: configuration.front, frontID: frontID, upstream: configuration.upstream)
        else {
            throw front.failure(.notFound, code: "NotFound", message: "task \(frontID) not found")
        }
        mappings.remember(mapping)
        return mapping.upstreamID
    }

    // MARK: idempotency

    /// Runs a create once per `Idempotency-Key`: a repeat of a completed create answers the stored
    /// response; a repeat while the first is running is a 409; a different body under the same key
    /// is a 422.
    private func idempotent(
        _ request: Request, body: [UInt8], isCreate: Bool,
        _ perform: (String?) async throws -> (HTTPResponse.Status, HTTPFields, [UInt8], String?)
    ) async throws -> Response {
        guard isCreate, let key = request.headers[.idempotencyKey], !key.isEmpty else {
            let (status, headers, bytes, _) = try await perform(nil)
            return Self.reply(status: status, headers: headers, body: bytes)
        }
        // Keys are the caller's: two front credentials never share one.
        let caller = Self.hash(Array((front.emulated.presentedCredential(request) ?? "").utf8))
        let scoped = "\(configuration.front)>\(configuration.upstream):\(caller):\(key)"
        switch try await claim(scoped, body: body) {
        case .completed(let stored):
            var headers: HTTPFields = [.contentType: "application/json"]
            headers[.idempotentReplayed] = "true"
            return Self.reply(status: Self.status(stored.status), headers: headers, body: stored.body)
        case .inProgress:
            throw front.failure(
                .conflict, code: "IdempotencyKeyInUse", message: "a request with this Idempotency-Key is in progress")
        case .claimed:
            do {
                let (status, headers, bytes, upstreamID) = try await perform(key)
                if (200..<300).contains(status.code) {
                    try await store.completeIdempotencyKey(
                        scoped, response: StoredResponse(status: status.code, body: bytes, upstreamID: upstreamID))
                } else {
                    try await store.releaseIdempotencyKey(scoped)
                }
                return Self.reply(status: status, headers: headers, body: bytes)
            } catch {
                try? await store.releaseIdempotencyKey(scoped)
                throw error
            }
        }
    }

    private func claim(_ key: String, body: [UInt8]) async throws -> IdempotencyClaim {
        do {
            return try await store.claimIdempotencyKey(key, requestHash: Self.hash(body))
        } catch  where error.kind == .idempotencyConflict(key: key) {
            throw front.failure(
                .unprocessableContent, code: "IdempotencyKeyReused",
                message: "the Idempotency-Key was first used with a different request body")
        }
    }

    private static func describe(_ result: Result<CanonicalTask, TaskDecodingError>) -> String {
        switch result {
        case .success: ""
        case .failure(let error): error.description
        }
    }

    /// FNV-1a of the body, hex: enough to tell a different request under a reused key.
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }

    // MARK: upstream

    private func upstreamURL(_ suffix: String, query: String) -> String {
        upstreamURL(absolutePath: upstream.basePath + suffix, query: query)
    }

    private func upstreamURL(absolutePath path: String, query: String) -> String {
        configuration.upstreamURL + path + (query.isEmpty ? "" : "?\(query)")
    }

    /// Sends one request upstream with the upstream credential; a transport failure is a 502
    /// (504 for a timeout) in the front shape, naming no secret.
    private func send(
        _ method: String, _ suffix: String, query: String = "", body: [UInt8]?, key: String?
    ) async throws(ProxyFailure) -> UpstreamResponse {
        try await send(method, absolutePath: upstream.basePath + suffix, query: query, body: body, key: key)
    }

    /// Sends one request to `path` on the upstream server (below the server's root, not the task API).
    private func send(
        _ method: String, absolutePath path: String, query: String = "", body: [UInt8]?, key: String?
    ) async throws(ProxyFailure) -> UpstreamResponse {
        let credential = upstream.credentialHeader(configuration.upstreamToken)
        var headers = [UpstreamHeader(name: credential.name, value: credential.value)]
        if body != nil { headers.append(UpstreamHeader(name: "Content-Type", value: "application/json")) }
        headers.append(UpstreamHeader(name: "Accept", value: "application/json"))
        let request = UpstreamRequest(
            method: method, url: upstreamURL(absolutePath: path, query: query), headers: headers, body: body,
            idempotencyKey: key)
        let start = ContinuousClock.now
        let result: Result<UpstreamResponse, UpstreamError>
        do {
            result = .success(try await client.send(request))
        } catch {
            result = .failure(error)
        }
        metrics.upstream(method: method, duration: ContinuousClock.now - start)
        switch result {
        case .success(let answer):
            return answer
        case .failure(let error):
            let status: HTTPResponse.Status = error.kind == .timedOut ? .gatewayTimeout : .badGateway
            throw front.failure(status, code: "UpstreamUnavailable", message: "upstream: \(error)")
        }
    }

    /// An upstream error answer, in the front shape with the upstream's status and message.
    private func requireSuccess(_ answer: UpstreamResponse) throws(ProxyFailure) {
        guard !(200..<300).contains(answer.status) else { return }
        let status = Self.status(answer.status)
        let message = upstream.errorMessage(in: JSONReader.value(answer.body)) ?? status.reasonPhrase
        var failure = front.failure(
            status, code: "Upstream", message: "\(configuration.upstream) answered \(answer.status): \(message)")
        if let retry = answer.headers.first(named: "Retry-After") { failure.headers[.retryAfter] = retry }
        throw failure
    }

    // MARK: replies

    static func isDryRun(_ request: Request) -> Bool {
        request.uri.queryParameters.get("dryRun") == "true"
    }

    static func origin(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "localhost")
    }

    static func status(_ code: Int) -> HTTPResponse.Status {
        let known: [HTTPResponse.Status] = [
            .ok, .created, .accepted, .noContent, .badRequest, .unauthorized, .forbidden, .notFound, .conflict,
            .contentTooLarge, .unprocessableContent, .tooManyRequests, .internalServerError, .notImplemented,
            .badGateway, .serviceUnavailable, .gatewayTimeout,
        ]
        return known.first { $0.code == code } ?? HTTPResponse.Status(code: code)
    }

    static func jsonHeaders(_ lossHeader: String?) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let lossHeader { headers[.taskgateLoss] = lossHeader }
        return headers
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        reply(status: status, headers: [.contentType: "application/json"], body: JSONWriter.bytes(value))
    }

    static func reply(status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8]) -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func reply(_ failure: ProxyFailure) -> Response {
        guard let body = failure.body else { return Response(status: failure.status, headers: failure.headers) }
        var headers = failure.headers
        headers[.contentType] = "application/json"
        return reply(status: failure.status, headers: headers, body: JSONWriter.bytes(body))
    }
}

extension HTTPField.Name {
    /// The losses of a conversion let through in lenient mode.
    static let taskgateLoss = HTTPField.Name("Taskgate-Loss") ?? .via
    /// The key that makes a create safe to retry.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key") ?? .ifMatch
    /// Set on an answer replayed for a repeated Idempotency-Key.
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed") ?? .via
    /// The request id.
    static let taskgateRequestID = HTTPField.Name("Taskgate-Request-Id") ?? .via
}

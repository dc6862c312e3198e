import CCurl
import Foundation

/// One attempt of one request: a curl easy handle with its buffers and the continuation waiting for it.
///
/// Created on the caller's task, then owned by the `CurlMultiLoop` thread from `submit` to `complete`.
final class CurlTransfer: @unchecked Sendable {
    let request: UpstreamRequest
    let easy: UnsafeMutableRawPointer
    private let limit: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var body: [UInt8] = []
    private var headers: [UpstreamHeader] = []
    private var exceededLimit = false
    private let cancellationLock = NSLock()
    private var cancelled = false
    /// Set before `submit`; resumed once, by the loop thread.
    var continuation: CheckedContinuation<Result<UpstreamResponse, UpstreamError>, Never>?

    private let loop: CurlMultiLoop

    init(request: UpstreamRequest, configuration: UpstreamConfiguration, loop: CurlMultiLoop) throws(UpstreamError) {
        self.request = request
        self.limit = configuration.maximumResponseBodyBytes
        self.loop = loop
        guard let easy = loop.takeHandle() else {
            throw UpstreamError(
                kind: .invalidRequest, method: request.method, url: SecretRedaction.redact(url: request.url),
                message: "curl_easy_init failed")
        }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(configuration)
    }

    deinit {
        loop.recycle(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ configuration: UpstreamConfiguration) throws(UpstreamError) {
        var failures: [String] = []
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK { failures.append("\(what): \(String(cString: curl_easy_strerror(code)))") }
        }
        let user = Unmanaged.passUnretained(self).toOpaque()
        check(tg_easy_setopt_string(easy, CURLOPT_URL, request.url), "URL")
        check(tg_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        check(tg_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "no signal")
        check(tg_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0), "redirects")
        check(
            tg_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.wholeMilliseconds),
            "connect timeout")
        check(tg_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, configuration.totalTimeout.wholeMilliseconds), "timeout")
        check(tg_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, configuration.insecure ? 0 : 1), "verify peer")
        check(tg_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, configuration.insecure ? 0 : 2), "verify host")
        check(tg_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        check(tg_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, curlTransferWriteBody), "write function")
        check(tg_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, user), "write data")
        check(tg_easy_setopt_write_function(easy, CURLOPT_HEADERFUNCTION, curlTransferWriteHeader), "header function")
        check(tg_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, user), "header data")
        check(tg_easy_setopt_pointer(easy, CURLOPT_PRIVATE, user), "private")
        switch request.method {
        case "GET" where request.body == nil:
            check(tg_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "GET")
        case "HEAD":
            check(tg_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "HEAD")
        default:
            check(tg_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method), "method")
        }
        var fields = request.headers.map { "\($0.name): \($0.value)" }
        if let body = request.body {
            check(tg_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "body size")
            if body.isEmpty {
                check(tg_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, ""), "body")
            } else {
                body.withUnsafeBytes { bytes in
                    check(
                        tg_easy_setopt_pointer(
                            easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)),
                        "body")
                }
            }
            // PLATFORM-NOTES: curl adds a form content type to a body without one, and waits 1 s for
            // `100 Continue` before a large body.
            if request.headers.first(named: "Content-Type") == nil { fields.append("Content-Type: application/json") }
            fields.append("Expect:")
        }
        if let key = request.idempotencyKey, request.headers.first(named: "Idempotency-Key") == nil {
            fields.append("Idempotency-Key: \(key)")
        }
        for field in fields {
            // Bytes, not `String.contains(_:)`, which goes through Foundation's locale-aware search.
            if field.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                failures.append("a header contains a line break")
                continue
            }
            headerList = curl_slist_append(headerList, field)
        }
        check(tg_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "headers")
        if !failures.isEmpty {
            throw UpstreamError(
                kind: .invalidRequest, method: request.method, url: SecretRedaction.redact(url: request.url),
                message: SecretRedaction.scrub(failures.joined(separator: "; "), of: request))
        }
    }

    /// Marks the transfer cancelled, so that the loop thread fails it instead of starting it.
    func markCancelled() {
        cancellationLock.withLock { cancelled = true }
    }

    var isCancelled: Bool {
        cancellationLock.withLock { cancelled }
    }

    fileprivate func append(body chunk: UnsafeRawBufferPointer) -> Bool {
        if body.count + chunk.count > limit {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    fileprivate func append(headerLine chunk: UnsafeRawBufferPointer) {
        // Bytes, not Foundation: this runs for every header of every response.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var end = chunk.endIndex
        while end > chunk.startIndex, isSpace(chunk[end - 1]) { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: chunk[chunk.startIndex..<end])
        if line.starts(with: "HTTP/".utf8) {
            headers.removeAll(keepingCapacity: true)  // a new response starts (after 1xx)
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            var valueStart = colon + 1
            while valueStart < line.endIndex, isSpace(line[valueStart]) { valueStart += 1 }
            headers.append(
                UpstreamHeader(
                    name: String(decoding: line[..<colon], as: UTF8.self),
                    value: String(decoding: line[valueStart...], as: UTF8.self)))
        }
    }

    /// Resumes the waiting task with the outcome of curl's `code`.
    func complete(code: CURLcode) {
        if code == CURLE_OK {
            var status = 0
            _ = tg_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            resume(.success(UpstreamResponse(status: status, headers: headers, body: body)))
            return
        }
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let kind: UpstreamError.Kind
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .connectionFailed
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            kind = .connectionLost
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            kind = .tlsFailed
        case CURLE_WRITE_ERROR where exceededLimit:
            kind = .responseBodyTooLarge(limit: limit)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            kind = .invalidRequest
        default:
            kind = .transport(code: Int(code.rawValue))
        }
        fail(kind, message: message)
    }

    /// Resumes the waiting task with an error of ours.
    func fail(_ kind: UpstreamError.Kind, message: String) {
        resume(
            .failure(
                UpstreamError(
                    kind: kind, method: request.method, url: SecretRedaction.redact(url: request.url),
                    message: SecretRedaction.scrub(message, of: request))))
    }

    private func resume(_ result: Result<UpstreamResponse, UpstreamError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }
}

private func curlTransferWriteBody(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, user: UnsafeMutableRawPointer?
) -> Int {
    guard let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    let chunk = UnsafeRawBufferPointer(start: data, count: size * count)
    return transfer.append(body: chunk) ? size * count : 0
}

private func curlTransferWriteHeader(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, user: UnsafeMutableRawPointer?
) -> Int {
    guard let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    transfer.append(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

import CCurl
import Foundation

/// libcurl needs one global initialisation before any handle is made.
private let curlGlobalInitialisation: Bool = curl_global_init(tg_curl_global_all()) == CURLE_OK

/// One dedicated thread running `curl_multi_poll` over one multi handle, so that waiting for the network
/// never occupies a thread of Swift's cooperative pool; the multi handle keeps idle connections for reuse.
///
/// Callers hand transfers over through a lock-protected queue and wake the thread with `curl_multi_wakeup`;
/// the thread resumes each transfer's continuation when curl reports it done.
final class CurlMultiLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var incoming: [CurlTransfer] = []
    private var cancellations: [CurlTransfer] = []
    private var shuttingDown = false
    private var finished = false
    /// Easy handles of finished transfers, reset, kept for the next ones (saves their setup per request).
    private var idleHandles: [UnsafeMutableRawPointer] = []
    /// Transfers inside the multi handle, by easy handle; touched only by the loop thread.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(maximumConnections: Int) throws(UpstreamError) {
        guard curlGlobalInitialisation, let multi = curl_multi_init() else {
            throw UpstreamError(kind: .shutDown, method: "-", url: "-", message: "curl_multi_init failed")
        }
        self.multi = multi
        if maximumConnections > 0 {
            _ = tg_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maximumConnections)
        }
        _ = tg_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(maximumConnections, 256))
        let thread = Thread { [self] in run() }
        thread.name = "taskgate-curl"
        thread.start()
    }

    /// An easy handle for a new transfer: an idle one, or a new one.
    func takeHandle() -> UnsafeMutableRawPointer? {
        lock.withLock { idleHandles.popLast() } ?? curl_easy_init()
    }

    /// Takes back the easy handle of a finished transfer (no longer in the multi handle).
    func recycle(_ easy: UnsafeMutableRawPointer) {
        curl_easy_reset(easy)
        let kept = lock.withLock {
            guard !finished, idleHandles.count < 512 else { return false }
            idleHandles.append(easy)
            return true
        }
        if !kept { curl_easy_cleanup(easy) }
    }

    /// Hands a transfer to the loop thread; fails it at once when the loop is shut down.
    func submit(_ transfer: CurlTransfer) {
        let accepted = lock.withLock {
            if shuttingDown { return false }
            incoming.append(transfer)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted {
            transfer.fail(.shutDown, message: "the upstream client was shut down")
        }
    }

    /// Asks the loop thread to remove a transfer and resume its task with `.cancelled`.
    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        lock.withLock {
            cancellations.append(transfer)
            // The multi handle is cleaned up under this lock, so waking it here is safe.
            if !finished { curl_multi_wakeup(multi) }
        }
    }

    /// Stops the thread: transfers not yet done fail with `.shutDown`.
    func shutdown() {
        lock.withLock {
            shuttingDown = true
            if !finished { curl_multi_wakeup(multi) }
        }
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let (newTransfers, cancelled, stop) = lock.withLock {
                defer {
                    incoming.removeAll(keepingCapacity: true)
                    cancellations.removeAll(keepingCapacity: true)
                }
                return (incoming, cancellations, shuttingDown)
            }
            for transfer in newTransfers {
                if transfer.isCancelled {
                    transfer.fail(.cancelled, message: "the waiting task was cancelled")
                } else if curl_multi_add_handle(multi, transfer.easy) == CURLM_OK {
                    active[transfer.easy] = transfer
                } else {
                    transfer.fail(.transport(code: -1), message: "curl_multi_add_handle failed")
                }
            }
            for transfer in cancelled {
                if active.removeValue(forKey: transfer.easy) != nil {
                    curl_multi_remove_handle(multi, transfer.easy)
                    transfer.fail(.cancelled, message: "the waiting task was cancelled")
                }
            }
            if stop { break }
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, easy)
                active.removeValue(forKey: easy)?.complete(code: code)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for transfer in active.values {
            curl_multi_remove_handle(multi, transfer.easy)
            transfer.fail(.shutDown, message: "the upstream client was shut down")
        }
        active.removeAll()
        let leftovers = lock.withLock {
            finished = true
            curl_multi_cleanup(multi)
            for easy in idleHandles { curl_easy_cleanup(easy) }
            idleHandles.removeAll()
            defer { incoming.removeAll() }
            return incoming
        }
        for transfer in leftovers { transfer.fail(.shutDown, message: "the upstream client was shut down") }
    }
}

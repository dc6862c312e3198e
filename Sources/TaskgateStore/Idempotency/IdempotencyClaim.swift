/// The state of an idempotency key when a request claims it.
public enum IdempotencyClaim: Hashable, Sendable {
    /// The key was new: send the request, then complete or release the key.
    case claimed
    /// An earlier request with this key has not finished: answer 409 or wait.
    case inProgress
    /// An earlier request with this key finished: replay its response.
    case completed(StoredResponse)
}

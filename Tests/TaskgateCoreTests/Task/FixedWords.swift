/// A generator that gives back the words it was made with, in order: random text written from known
/// words can be compared with fixed text.
struct FixedWords: RandomNumberGenerator {
    var words: [UInt64]
    mutating func next() -> UInt64 { words.removeFirst() }
}

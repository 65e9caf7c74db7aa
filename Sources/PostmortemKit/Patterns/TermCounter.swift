import Foundation

/// The weighted words and concepts of one document, as `TextVectorizer`
/// defines them: each word (not a stop word, longer than one character)
/// adds the weight of the text it is in, each time it occurs; each distinct
/// phrase of `ConceptLexicon` adds that weight to its concept once per field
/// (`startField()`), twice that for a failure-mode concept. So a concept
/// named in several ways and in several fields weighs more than one name of
/// a system repeated throughout a section.
///
/// Words are told apart by their bytes in a `ByteStringTable`, so a String
/// is made, and the stop words and concept phrases are looked up, once per
/// distinct word rather than once per occurrence. One counter serves a run of
/// documents (`startDocument()`), so that the table is built once for them.
struct TermCounter {
    private var words: [String] = []
    /// Each word's number in `ConceptLexicon.wordNumbers`, -1 when no phrase has it.
    private var lexiconNumbers: [Int32] = []
    /// Counted as a word: not a stop word and longer than one character.
    private var isCounted: [Bool] = []
    private var qualifierBits: [ConceptLexicon.Gates] = []
    /// Phrases already counted in the current field, by id, and their ids.
    private var phraseSeen = [Bool](repeating: false, count: ConceptLexicon.phraseCount)
    private var seenPhrases: [Int] = []
    private var wordWeights: [Double] = []
    private var conceptWeights = [Double](repeating: 0, count: ConceptLexicon.tokens.count)
    private var conceptSeen = [Bool](repeating: false, count: ConceptLexicon.tokens.count)
    private var table = ByteStringTable()
    /// The words of the text being added, by number.
    private var sequence: [Int32] = []
    /// Words with a weight in the current document.
    private var weighted: [Int32] = []

    /// Forgets the weights of the previous document, keeping the words known.
    mutating func startDocument() {
        for word in weighted { wordWeights[Int(word)] = 0 }
        weighted.removeAll(keepingCapacity: true)
        for concept in conceptSeen.indices { conceptWeights[concept] = 0; conceptSeen[concept] = false }
        startField()
    }

    /// Starts a field (title, a section): a phrase counts once in each field.
    mutating func startField() {
        for phrase in seenPhrases { phraseSeen[phrase] = false }
        seenPhrases.removeAll(keepingCapacity: true)
    }

    /// Adds the words of `text`, part of the current field, each with
    /// `weight`, and its concepts with `conceptWeight` (by default `weight`;
    /// 0 leaves them out).
    mutating func add(_ text: String, weight: Double, conceptWeight: Double? = nil) {
        var text = text
        text.withUTF8 { add($0, weight: weight, conceptWeight: conceptWeight) }
    }

    /// `add(_:weight:conceptWeight:)` for the UTF-8 of a text.
    mutating func add(_ utf8: UnsafeBufferPointer<UInt8>, weight: Double, conceptWeight: Double? = nil) {
        let conceptWeight = conceptWeight ?? weight
        sequence.removeAll(keepingCapacity: true)
        TextVectorizer.forEachToken(in: utf8) { token, hasNonASCII in
            if hasNonASCII {
                // Non-ASCII letters are lower-cased by Unicode rules; ASCII ones already are.
                let lowered = Array(String(decoding: token, as: UTF8.self).lowercased().utf8)
                lowered.withUnsafeBufferPointer { sequence.append(number(of: $0)) }
            } else {
                sequence.append(number(of: token))
            }
        }
        let tokens = sequence
        if conceptWeight > 0 { addConcepts(of: tokens, weight: conceptWeight) }
        for word in tokens where isCounted[Int(word)] {
            if wordWeights[Int(word)] == 0 { weighted.append(word) }
            wordWeights[Int(word)] += weight
        }
    }

    private mutating func addConcepts(of tokens: [Int32], weight: Double) {
        ConceptLexicon.forEachConcept(in: tokens.count, word: { lexiconNumbers[Int(tokens[$0])] },
                                      qualifiers: { qualifierBits[Int(tokens[$0])] }) { concept, phrase in
            guard !phraseSeen[phrase] else { return }
            phraseSeen[phrase] = true
            seenPhrases.append(phrase)
            conceptWeights[concept] += ConceptLexicon.isFailureMode[concept] ? 2 * weight : weight
            conceptSeen[concept] = true
        }
    }

    /// Every word and concept token added since `startDocument()`, with its
    /// summed weight, in no particular order.
    var terms: [(term: String, weight: Double)] {
        var terms: [(term: String, weight: Double)] = []
        for concept in conceptSeen.indices where conceptSeen[concept] {
            terms.append((ConceptLexicon.tokens[concept], conceptWeights[concept]))
        }
        for word in weighted { terms.append((words[Int(word)], wordWeights[Int(word)])) }
        return terms
    }

    /// The number of the word with these (lower-cased) bytes, adding it when new.
    private mutating func number(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (number, isNew) = table.insert(token)
        guard isNew else { return number }
        let word = String(decoding: token, as: UTF8.self)
        words.append(word)
        // One character is one byte in ASCII; characters need counting only otherwise.
        let isASCII = token.allSatisfy { $0 < 0x80 }
        isCounted.append(!TextVectorizer.stopWords.contains(word) && token.count > 1 && (isASCII || word.count > 1))
        qualifierBits.append(ConceptLexicon.qualifierBits[word] ?? 0)
        lexiconNumbers.append(ConceptLexicon.wordNumbers[word] ?? -1)
        wordWeights.append(0)
        return number
    }
}

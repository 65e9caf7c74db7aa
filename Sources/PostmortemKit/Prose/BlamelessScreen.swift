/// A first reading of a prose run, over its UTF-8 bytes, that finds the
/// stretches where some blameless detector could possibly match, so that
/// the tokenizer, `WordFacts` and `SentenceAnalysis` run only there. Most
/// sentences of a postmortem name no one and use no judgemental or
/// minimising word, and each of the four detectors needs one of those:
///
/// - `JudgementDetector` and `MinimiserDetector` need a phrase of theirs or
///   a minimiser cue ("just", "clearly", "all … was", "anyone could");
/// - `CounterfactualDetector` and `AgentDetector` report only a human agent
///   (`Agent.isHuman`), so they need a person, handle, human pronoun, role,
///   team or "we" *and* a word they act on (a blame verb, a modal, "if",
///   "without", a causal phrase …); the weaker evidence that counts for
///   named people only ("when", a harm verb, "'s") needs a name or handle.
///
/// The cues are derived from the vocabulary, the closed word classes and
/// the people index (`Table.init`, `PeopleIndex.nameFragments`), never
/// listed here. The screen may let through text that no detector reports
/// (it only over-approximates): a word's cues are looked up by the 64-bit
/// hash of its lower-cased ASCII letters and digits (a collision adds cues,
/// never removes them), any other letter lets its piece through, and the
/// run is cut only where `SentenceSegmenter` certainly ends a sentence, so
/// every piece is a whole number of sentences.
struct BlamelessScreen {
    /// What a word can contribute to a match.
    struct Cue: OptionSet, Sendable {
        let rawValue: UInt16
        /// Enough on its own: a judgemental or minimising term, or a letter the screen cannot read.
        static let alone = Cue(rawValue: 1 << 0)
        /// Refers to people: a human pronoun, "we", a role or team word.
        static let human = Cue(rawValue: 1 << 1)
        /// A person's name or a handle (also `human`).
        static let named = Cue(rawValue: 1 << 2)
        /// Counts with a human agent: a blame verb, a modal, "if", "without", a causal phrase.
        static let needsHuman = Cue(rawValue: 1 << 3)
        /// Counts with a named person only: "when", "after", a harm verb, a possessive.
        static let needsName = Cue(rawValue: 1 << 4)
        /// "all" and "was": "all it took was".
        static let all = Cue(rawValue: 1 << 5)
        static let was = Cue(rawValue: 1 << 6)
        /// "could", "would", "can", and the universal subjects they need: "anyone could see".
        static let universalModal = Cue(rawValue: 1 << 7)
        static let universal = Cue(rawValue: 1 << 8)
        /// A verb of diligence ("checked", "acknowledged") counts with a
        /// human agent and a negation: "did not check", "nobody checked".
        static let diligence = Cue(rawValue: 1 << 9)
        static let negation = Cue(rawValue: 1 << 10)

        /// Whether the cues of one piece let it through.
        var mayMatch: Bool {
            contains(.alone) || isSuperset(of: [.all, .was]) || isSuperset(of: [.universalModal, .universal])
                || isSuperset(of: [.human, .needsHuman]) || isSuperset(of: [.named, .needsName])
                || isSuperset(of: [.human, .diligence, .negation])
        }
    }

    /// A phrase of the vocabulary, for the screen: what it contributes and its words.
    struct Phrase {
        var words: [String]
        var anchor: Int
        var cue: Cue
    }

    /// What one fragment contributes to its piece.
    struct Entry: Sendable {
        /// Cues that count wherever the fragment stands.
        var cues: Cue = []
        /// Cues that count only where the fragment starts a clause (`WordFacts.clauseStartCues`).
        var clauseStartCues: Cue = []
        /// A modal's cues, which count only when a perfect auxiliary follows
        /// closely enough (`WordFacts.perfectAuxiliaries`, `perfectWindow`).
        var perfectCues: Cue = []
        /// Phrases anchored here, in `Table.requirements`: they count only
        /// when their other words are in the piece too ("error" is in most
        /// postmortems, "human error" is not).
        var requirementStart: Int32 = 0
        var requirementEnd: Int32 = 0

        var hasRequirements: Bool { requirementEnd > requirementStart }
    }

    /// A phrase anchored on a fragment gives `cue` when its piece also has
    /// every fragment of `Table.companions[companionStart..<companionEnd]`.
    struct Requirement: Sendable {
        var cue: Cue
        var companionStart: Int32
        var companionEnd: Int32
        /// The two bits of every companion (see `Piece.seen`): a piece that lacks one needs no closer look.
        var companionBits: (UInt64, UInt64)
    }

    /// Cues by fragment: the screen reads text as maximal runs of ASCII
    /// letters and digits, lower-cased. Built once per vocabulary.
    struct Table: Sendable {
        private var keys: [Int]
        private var values: [Entry]
        private var mask: Int
        /// A bit per key (of 65,536, by the key's upper bits): most words of a
        /// text are in no list, and this answers them from 8 KB, not the table.
        private var filter: [UInt64] = Array(repeating: 0, count: 1024)
        /// The phrases of all entries (see `Entry.requirementStart`).
        private(set) var requirements: [Requirement] = []
        /// The fragment keys the requirements wait for.
        private(set) var companions: [Int] = []
        /// `key`s of the abbreviations after which a period ends no sentence.
        let abbreviations: Set<Int>
        /// `key`s of the coordinators ("and", "but"), after which a clause starts.
        let coordinators: Set<Int>
        /// `key`s of the fragments the screen reads of "have", "'ve" and "of", and their `bit`s.
        let perfectAuxiliaries: Set<Int>
        let perfectAuxiliaryBits: UInt64
        /// Their `bit`s, which spare most words a lookup.
        let abbreviationBits: UInt64
        /// The cues of a possessive "'s", also read from a lone apostrophe ("engineers'").
        let possessive: Cue

        init() {
            keys = [0]
            values = [Entry()]
            mask = 0
            abbreviations = []
            coordinators = []
            perfectAuxiliaries = []
            perfectAuxiliaryBits = 0
            abbreviationBits = 0
            possessive = []
        }

        /// `cues` by word; `clauseStartCues`, cues by word that count only
        /// where it starts a clause; `perfectCues`, a modal's, which count
        /// only in a modal perfect; `phrases` with the cue each gives when
        /// all its words are there; `respelled`: words the tokenizer may read
        /// where the text has something else ("not" for "n't").
        init(cues: [String: Cue], clauseStartCues: [String: Cue] = [:], perfectCues: [String: Cue] = [:],
             phrases: [Phrase], respelled: Set<String>) {
            // Each word's cues go to the fragment the screen is sure to read
            // where the tokenizer reads that word (see `fragments`).
            var byFragment: [Int: (entry: Entry, requirements: [(cue: Cue, companions: [Int])])] = [:]
            func key(of word: String) -> Int? { BlamelessScreen.fragments(of: word).first.map { BlamelessScreen.key($0) } }
            // (A word with no cues needs no entry: a fragment without one reads as `Entry()`.)
            for (words, field) in [(cues, \Entry.cues), (clauseStartCues, \.clauseStartCues), (perfectCues, \.perfectCues)] {
                for (word, cue) in words where !cue.isEmpty {
                    guard let key = key(of: word) else { continue }
                    // A hyphenated word ("on-call", "no-one") is read where all its runs are:
                    // its cues wait for the others as a phrase's do ("call" alone is no role).
                    let others = field == \Entry.cues ? BlamelessScreen.otherRuns(of: word) : []
                    if others.isEmpty {
                        byFragment[key, default: (Entry(), [])].entry[keyPath: field].formUnion(cue)
                    } else {
                        byFragment[key, default: (Entry(), [])].requirements.append((cue, others.map { BlamelessScreen.key($0) }))
                    }
                }
            }
            for phrase in phrases where !phrase.cue.isEmpty {
                guard let anchor = key(of: phrase.words[phrase.anchor]) else { continue }
                // The other words the text is sure to spell out where the tokenizer reads them.
                let others = phrase.words.indices.filter { $0 != phrase.anchor && !respelled.contains(phrase.words[$0]) }
                byFragment[anchor, default: (Entry(), [])].requirements.append((phrase.cue, others.compactMap { key(of: phrase.words[$0]) }))
            }
            var capacity = 16
            while capacity < byFragment.count * 3 { capacity *= 2 }
            keys = Array(repeating: 0, count: capacity)
            values = Array(repeating: Entry(), count: capacity)
            mask = capacity - 1
            for (key, value) in byFragment {
                var slot = key & mask
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                var entry = value.entry
                entry.requirementStart = Int32(requirements.count)
                for (cue, words) in value.requirements {
                    if words.isEmpty {
                        entry.cues.formUnion(cue)
                        continue
                    }
                    requirements.append(Requirement(cue: cue, companionStart: Int32(companions.count),
                                                    companionEnd: Int32(companions.count + words.count),
                                                    companionBits: words.reduce((0, 0)) { ($0.0 | BlamelessScreen.bit($1), $0.1 | BlamelessScreen.bit($1 >> 6)) }))
                    companions += words
                }
                entry.requirementEnd = Int32(requirements.count)
                keys[slot] = key
                values[slot] = entry
                let bit = (key >> 40) & 0xFFFF
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            coordinators = Set(EnglishGrammar.coordinators.map { BlamelessScreen.key($0) })
            perfectAuxiliaries = Set(WordFacts.perfectAuxiliaries.compactMap { word in BlamelessScreen.fragments(of: word).first.map { BlamelessScreen.key($0) } })
            perfectAuxiliaryBits = perfectAuxiliaries.reduce(0) { $0 | BlamelessScreen.bit($1) }
            abbreviations = Set(SentenceSplitter.abbreviations.map { BlamelessScreen.key($0) })
            abbreviationBits = abbreviations.reduce(0) { $0 | BlamelessScreen.bit($1) }
            possessive = byFragment[BlamelessScreen.key("s")]?.entry.cues ?? []
        }

        /// The entry of a fragment by its `key`.
        @inline(__always)
        func entry(_ key: Int) -> Entry {
            let bit = (key >> 40) & 0xFFFF
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return Entry() }
            var slot = key & mask
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == 0 { return Entry() }
                slot = (slot + 1) & mask
            }
        }

        /// The cues a fragment gives alone (phrases aside).
        func cues(_ key: Int) -> Cue { entry(key).cues }
    }

    /// One bit of 64 for a key: a set of keys as a `UInt64` answers "surely not in it" without hashing.
    @inline(__always)
    static func bit(_ key: Int) -> UInt64 { 1 << UInt64(truncatingIfNeeded: key & 63) }

    /// The key of a fragment (or word) of text: a hash of its lower-cased
    /// UTF-8. Built from eight bytes at a time, so that the loop over the
    /// text does one shift per byte and one multiply per eight; never 0,
    /// which marks an empty slot.
    static func key(_ fragment: some StringProtocol) -> Int {
        var hasher = FragmentHasher()
        for byte in fragment.lowercased().utf8 { hasher.add(byte) }
        return hasher.key
    }

    /// See `key(_:)`. Bytes must be lower-cased already.
    struct FragmentHasher {
        private var state: UInt64 = FragmentHasher.seed
        private var word: UInt64 = 0
        private var count = 0

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            word = word << 8 | UInt64(byte)
            count += 1
            if count & 7 == 0 {
                state = FragmentHasher.mix(state, word)
                word = 0
            }
        }

        @inline(__always)
        var key: Int { FragmentHasher.key(state: state, word: word, count: count) }

        static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        /// What eight bytes do to the state, `word` holding them first byte highest.
        @inline(__always)
        static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 { (state ^ word) &* 0xFF51_AFD7_ED55_8CCD }

        /// The key of `count` bytes, from the state after their whole eight-byte
        /// groups and the `word` of the rest (first byte highest, 0 when none).
        @inline(__always)
        static func key(state: UInt64, word: UInt64, count: Int) -> Int {
            var mixed = (state ^ word ^ UInt64(truncatingIfNeeded: count) << 56) &* 0xC4CE_B9FE_1A85_EC53
            mixed ^= mixed >> 29
            let key = Int(truncatingIfNeeded: mixed)
            return key == 0 ? 1 : key
        }
    }

    /// Where the run of ASCII letters and digits that starts at `start` ends,
    /// and its `key`, lower-cased as it is read. The same key as
    /// `FragmentHasher`, which it replaces in the loop over the text: it reads
    /// eight bytes with one load, finds the run's end in them with a few
    /// operations on the whole word and hashes them with one byte swap,
    /// where the hasher took a compare, a shift, a count and a branch per byte.
    @inline(__always)
    static func alphanumericRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, key: Int) {
        let lower: UInt64 = 0x2020_2020_2020_2020
        var state = FragmentHasher.seed
        var offset = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let stops = ~alphanumericBits(chunk) & 0x8080_8080_8080_8080
                if stops == 0 {
                    state = FragmentHasher.mix(state, (chunk | lower).byteSwapped)
                    offset += 8
                    continue
                }
                // The run's bytes in this chunk, first byte highest.
                let length = stops.trailingZeroBitCount >> 3
                let word = length == 0 ? 0 : (chunk | lower).byteSwapped >> UInt64((8 - length) &* 8)
                return (offset + length, FragmentHasher.key(state: state, word: word, count: offset + length - start))
            }
        }
        // Fewer than eight bytes left: one at a time.
        var word: UInt64 = 0
        while offset < bytes.count, isAlphanumeric(bytes[offset]) {
            word = word << 8 | UInt64(bytes[offset] | 0x20)
            offset += 1
        }
        return (offset, FragmentHasher.key(state: state, word: word, count: offset - start))
    }

    /// The high bit of each byte of `chunk` that is an ASCII letter or digit, and no other bit.
    @inline(__always)
    static func alphanumericBits(_ chunk: UInt64) -> UInt64 {
        let ascii = chunk & 0x7F7F_7F7F_7F7F_7F7F
        let folded = ascii | 0x2020_2020_2020_2020
        // A byte is in lo...hi when adding 0x80 - lo sets its high bit and adding 0x7F - hi does not.
        let digit = (ascii &+ 0x5050_5050_5050_5050) & ~(ascii &+ 0x4646_4646_4646_4646)
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)
        return (digit | letter) & ~chunk & 0x8080_8080_8080_8080
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// The fragment under which a word's cues are filed: its longest run of
    /// ASCII letters and digits. Where the tokenizer reads the word, the
    /// screen reads every run of it; a stem before "n't" ("didn't": "did")
    /// has its last run read with the "n", which the screen reads both with
    /// and without (see `fragment(_:at:)`). Empty when the word has no such run.
    static func fragments(of word: String) -> [Substring] {
        let runs = word.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard let longest = runs.max(by: { $0.count < $1.count }) else { return [] }
        return [longest]
    }

    /// The runs of a hyphenated word other than the one its cues are filed
    /// under (`fragments(of:)`): "on" of "on-call". Empty for any other word,
    /// and for one with an apostrophe, whose runs the screen reads apart
    /// from how the tokenizer splits it ("didn't", "should've").
    static func otherRuns(of word: String) -> [Substring] {
        guard word.contains("-"), !word.contains("'"), !word.contains("\u{2019}"),
              let filed = fragments(of: word).first else { return [] }
        let runs = word.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard let filedIndex = runs.firstIndex(where: { $0.startIndex == filed.startIndex }) else { return [] }
        return runs.indices.filter { $0 != filedIndex }.map { runs[$0] }
    }

    let table: Table
    /// `PeopleIndex.nameFragments`, and their `bit`s.
    let names: Set<Int>
    let nameBits: UInt64
    let anyCaseNames: Bool

    /// The two `bit`s of each of "they" and "them", the words whose reading
    /// looks at the sentence before (`Reading.regions`).
    private static let pronounBits = ["they", "them"].map { word in
        let key = BlamelessScreen.key(word)
        return (BlamelessScreen.bit(key), BlamelessScreen.bit(key >> 6))
    }

    init(vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        table = vocabulary.screen
        names = people.nameFragments
        nameBits = names.reduce(0) { $0 | BlamelessScreen.bit($1) }
        anyCaseNames = people.nameFragmentsAnyCase
    }

    /// What the analysis reads of a run, in scalar offsets (the offsets
    /// `ProseTokenizer` gives its tokens), in order.
    struct Reading: Equatable {
        /// The pieces that may hold a match: whole sentences.
        var pieces: [Range<Int>] = []
        /// What to tokenise: each piece, and the piece before it when it may
        /// hold "they" or "them", since the last sentence before tells what
        /// they refer to (`SentenceAnalysis.pluralsBefore`); adjacent ones
        /// joined. The whole run when a quotation mark lies outside them,
        /// since which tokens are quoted depends on every mark of the run
        /// (`ProseTokenizer.markQuotations`).
        /// Every region starts and ends where the segmenter certainly ends a
        /// sentence and the next starts with a capital or a digit, so the
        /// tokens and sentences of the regions, read one after another, are
        /// those of the whole run there.
        var regions: [Range<Int>] = []
    }

    /// The pieces of `utf8` that may hold a match (see `Reading.pieces`).
    func pieces(of utf8: [UInt8]) -> [Range<Int>] {
        reading(of: utf8).pieces
    }

    func reading(of utf8: [UInt8]) -> Reading {
        utf8.withUnsafeBufferPointer { reading(of: $0) }
    }

    func reading(of bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        var result = ReadingBuilder()
        // Whether the current piece holds a quotation mark, or may.
        var quoted = false
        let count = bytes.count
        let possessive = table.possessive
        var piece = Piece()
        var scalar = 0
        // The last fragment: where it started and ended (byte offsets), its key.
        var lastStart = -1
        var lastEnd = -1
        var lastKey = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            if isAlphanumeric(byte) {
                let start = index
                let fragment = self.fragment(bytes, at: index)
                index = fragment.end
                scalar += index - start
                let entry = table.entry(fragment.key)
                piece.add(fragment.key, entry)
                var atClauseStart = entry.clauseStartCues
                var inPerfect = entry.perfectCues
                if fragment.stemKey != 0 {
                    let stem = table.entry(fragment.stemKey)
                    piece.add(fragment.stemKey, stem)
                    atClauseStart.formUnion(stem.clauseStartCues)
                    inPerfect.formUnion(stem.perfectCues)
                }
                if !atClauseStart.isEmpty, startsClause(bytes, at: start, lastEnd: lastEnd, lastKey: lastKey) {
                    piece.cues.formUnion(atClauseStart)
                }
                // A modal waits for "have", "'ve" or "of" (`WordFacts.perfectAuxiliaries`).
                if let modal = piece.modal, table.perfectAuxiliaryBits & BlamelessScreen.bit(fragment.key) != 0,
                   table.perfectAuxiliaries.contains(fragment.key),
                   BlamelessScreen.chunks(bytes, from: modal.end, to: start) <= WordFacts.perfectWindow {
                    piece.cues.formUnion(modal.cues)
                }
                if !inPerfect.isEmpty { piece.modal = (index, inPerfect) }
                // "mis…" past forms are slips (`AgentDetector.action`), whatever the word.
                if index - start >= 3, byte | 0x20 == 0x6D, bytes[start + 1] | 0x20 == 0x69, bytes[start + 2] | 0x20 == 0x73 {
                    piece.cues.insert(.needsHuman)
                }
                if nameBits & BlamelessScreen.bit(fragment.key) != 0, anyCaseNames || (byte >= 65 && byte <= 90), names.contains(fragment.key) {
                    piece.cues.formUnion([.human, .named])
                }
                lastStart = start
                lastEnd = index
                lastKey = fragment.key
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x40: // "@" before a letter or digit, not after one: a mention.
                    if index + 1 < count, isAlphanumeric(bytes[index + 1]), index == 0 || !isAlphanumeric(bytes[index - 1]) {
                        piece.cues.formUnion([.human, .named])
                    }
                case 0x27: // An apostrophe not before a letter or digit may be a plural possessive ("engineers'").
                    if index + 1 >= count || !isAlphanumeric(bytes[index + 1]) { piece.cues.formUnion(possessive) }
                    if !insideWord(bytes, before: index, after: index + 1) { quoted = true }
                case 0x2E, 0x21, 0x3F: // ".", "!", "?"
                    let afterPeriod = byte != 0x2E || endsNoAbbreviation(bytes, at: index, lastStart: lastStart, lastEnd: lastEnd, lastKey: lastKey)
                    if afterPeriod, startsSentence(bytes, after: index) {
                        index += 1
                        scalar += 1
                        result.close(piece.start..<scalar, passes: mayMatch(piece, in: bytes, upTo: index), quoted: quoted,
                                     readsBefore: readsBefore(piece))
                        quoted = false
                        piece.reset(start: scalar, byte: index)
                        continue
                    }
                case 0x22:
                    quoted = true
                default:
                    break
                }
                index += 1
                scalar += 1
                continue
            }
            // Outside ASCII: decode one scalar.
            let (value, length) = decode(bytes, at: index)
            if value == 0x2019 {
                // A curly apostrophe reads like a straight one.
                if index + length >= count || !isAlphanumeric(bytes[index + length]) { piece.cues.formUnion(possessive) }
                if !insideWord(bytes, before: index, after: index + length) { quoted = true }
            } else if value == 0x201C || value == 0x201D || value == 0x2018 {
                quoted = true
            } else if !(0x2000...0x206F).contains(value), let decoded = Unicode.Scalar(value), ProseTokenizer.isAlphanumeric(decoded) {
                // A letter the screen does not lower-case or hash: let the piece through. (General
                // punctuation, the dashes and quotes of prose, holds none, so it skips the lookup.)
                piece.cues.insert(.alone)
            }
            index += length
            scalar += 1
        }
        if piece.start < scalar {
            result.close(piece.start..<scalar, passes: mayMatch(piece, in: bytes, upTo: count), quoted: quoted, readsBefore: readsBefore(piece))
        }
        return result.reading(length: scalar)
    }

    /// Collects a `Reading` as the screen closes each piece.
    private struct ReadingBuilder {
        private var reading = Reading()
        /// The piece before: where it started, whether it passed and held a quotation mark.
        private var previous: (start: Int, passed: Bool, quoted: Bool)?
        private var quotesOutside = false

        mutating func close(_ piece: Range<Int>, passes: Bool, quoted: Bool, readsBefore: Bool) {
            let takesPrevious = passes && readsBefore
            // The piece before is in a region when it passed or this one takes it.
            if let previous, !previous.passed, previous.quoted, !takesPrevious { quotesOutside = true }
            if passes {
                reading.pieces.append(piece)
                let from = takesPrevious ? previous?.start ?? piece.lowerBound : piece.lowerBound
                if let last = reading.regions.last, last.upperBound >= from {
                    reading.regions[reading.regions.count - 1] = last.lowerBound..<piece.upperBound
                } else {
                    reading.regions.append(from..<piece.upperBound)
                }
            }
            previous = (piece.lowerBound, passes, quoted)
        }

        /// The reading of a run of `length` scalars, all pieces closed.
        func reading(length: Int) -> Reading {
            var reading = reading
            let lastOutside = previous.map { !$0.passed && $0.quoted } ?? false
            if quotesOutside || lastOutside, !reading.pieces.isEmpty { reading.regions = [0..<length] }
            return reading
        }
    }

    /// Whether `piece` may hold "they" or "them", which the analysis reads
    /// with the sentence before (by the bits of its fragments: a word seen
    /// answers yes, as may another with the same bits).
    @inline(__always)
    private func readsBefore(_ piece: Piece) -> Bool {
        BlamelessScreen.pronounBits.contains { $0.0 & piece.seen.0 != 0 && $0.1 & piece.seen.1 != 0 }
    }

    /// How many runs of white space lie between bytes `start` and `end`: at
    /// most the number of tokens between (tokens never span white space, and
    /// only ASCII white space is counted), so a token within
    /// `WordFacts.perfectWindow` is never further than that.
    static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var runs = 0
        var inSpace = false
        for index in start..<max(start, end) {
            let byte = bytes[index]
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if space && !inSpace { runs += 1 }
            inSpace = space
        }
        return runs
    }

    /// Whether a word at byte `start` may start a clause as
    /// `WordFacts.mayMatch` reads it: first in its sentence, or after
    /// punctuation or a coordinator. It may, unless only white space lies
    /// between it and the fragment before (`lastEnd`, `lastKey`) and that
    /// fragment is not a coordinator. (A sentence starts only after a
    /// terminator, never right after a letter or digit.)
    @inline(__always)
    private func startsClause(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, lastEnd: Int, lastKey: Int) -> Bool {
        var index = start - 1
        while index >= 0, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 { index -= 1 }
        guard index >= 0, isAlphanumeric(bytes[index]) else { return true }
        return index + 1 != lastEnd || table.coordinators.contains(lastKey)
    }

    /// Whether the apostrophe between `before - 1` and `after` is inside a
    /// word, where the tokenizer keeps it ("didn't", "team's"): after a letter
    /// or digit and before a letter. Any other is a quotation mark to
    /// `ProseTokenizer.markQuotations`, or may be.
    @inline(__always)
    private func insideWord(_ bytes: UnsafeBufferPointer<UInt8>, before: Int, after: Int) -> Bool {
        guard before > 0, after < bytes.count, isAlphanumeric(bytes[before - 1]) else { return false }
        let next = bytes[after] | 0x20
        return next >= 0x61 && next <= 0x7A
    }

    /// What the screen has read of the current piece.
    private struct Piece {
        var cues: Cue = []
        /// The last modal read: where it ends and the cues it gives in a modal perfect.
        var modal: (end: Int, cues: Cue)?
        /// Where the piece starts: scalar and byte offsets.
        var start = 0
        var byte = 0
        /// Entries whose phrases wait for their other words (see `Entry`).
        var anchors: [Entry] = []
        /// Two `bit`s of each fragment's key (its low bits, and the next six).
        var seen: (UInt64, UInt64) = (0, 0)

        @inline(__always)
        mutating func add(_ key: Int, _ entry: Entry) {
            cues.formUnion(entry.cues)
            seen.0 |= BlamelessScreen.bit(key)
            seen.1 |= BlamelessScreen.bit(key >> 6)
            if entry.hasRequirements { anchors.append(entry) }
        }

        mutating func reset(start: Int, byte: Int) {
            cues = []
            modal = nil
            seen = (0, 0)
            anchors.removeAll(keepingCapacity: true)
            self.start = start
            self.byte = byte
        }
    }

    /// Whether `piece`, which ends at byte `end`, may hold a match.
    private func mayMatch(_ piece: Piece, in bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Bool {
        if piece.cues.mayMatch { return true }
        guard !piece.anchors.isEmpty else { return false }
        return piece.cues.union(phraseCues(piece, in: bytes, piece.byte..<end)).mayMatch
    }

    /// Reads the fragment that starts at `start`: where it ends, its key,
    /// and when "n't" follows ("didn't", "won't"), the key of the stem the
    /// tokenizer reads, without the "n" ("did", "wo"); else 0.
    @inline(__always)
    private func fragment(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, key: Int, stemKey: Int) {
        let (index, key) = BlamelessScreen.alphanumericRun(bytes, from: start)
        var stemKey = 0
        if index - start > 1, bytes[index - 1] | 0x20 == 0x6E, endsNegativeContraction(bytes, at: index) {
            var stem = FragmentHasher()
            for offset in start..<(index - 1) { stem.add(bytes[offset] | 0x20) }
            stemKey = stem.key
        }
        return (index, key, stemKey)
    }

    /// The cues of the phrases anchored in `piece` whose other words are all in `range` of `bytes`.
    private func phraseCues(_ piece: Piece, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Cue {
        // Most phrases lack a companion's bits, and need no closer look.
        var candidates: [Requirement] = []
        for anchor in piece.anchors {
            for requirement in table.requirements[Int(anchor.requirementStart)..<Int(anchor.requirementEnd)]
            where requirement.companionBits.0 & piece.seen.0 == requirement.companionBits.0
                && requirement.companionBits.1 & piece.seen.1 == requirement.companionBits.1 {
                candidates.append(requirement)
            }
        }
        guard !candidates.isEmpty else { return [] }
        // Rare: the piece is read again for its fragments.
        var present: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isAlphanumeric(bytes[index]) else {
                index += 1
                continue
            }
            let fragment = self.fragment(bytes, at: index)
            present.append(fragment.key)
            if fragment.stemKey != 0 { present.append(fragment.stemKey) }
            index = fragment.end
        }
        var cues: Cue = []
        for requirement in candidates {
            let companions = table.companions[Int(requirement.companionStart)..<Int(requirement.companionEnd)]
            if companions.allSatisfy(present.contains) { cues.formUnion(requirement.cue) }
        }
        return cues
    }

    @inline(__always)
    private func isAlphanumeric(_ byte: UInt8) -> Bool { BlamelessScreen.isAlphanumeric(byte) }

    /// Whether an apostrophe and "t" follow at `index`, ending the token: "n't".
    private func endsNegativeContraction(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var next = index
        if next < bytes.count, bytes[next] == 0x27 {
            next += 1
        } else if next + 2 < bytes.count, bytes[next] == 0xE2, bytes[next + 1] == 0x80, bytes[next + 2] == 0x99 {
            next += 3
        } else {
            return false
        }
        guard next < bytes.count, bytes[next] | 0x20 == 0x74 else { return false }
        return next + 1 >= bytes.count || !isAlphanumeric(bytes[next + 1])
    }

    /// Whether a period at `index` follows no abbreviation or initial
    /// ("e.g.", "approx.", "J."), judged only when the word before it is
    /// plainly a whole token: it starts the text or follows white space or
    /// an opening bracket or quote.
    private func endsNoAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lastStart: Int, lastEnd: Int, lastKey: Int) -> Bool {
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        guard lastEnd == index else {
            // Not after a word: after ")", "%" or a closing quote, say.
            return before < 0x80 && !isAlphanumeric(before) && before != 0x2E
        }
        if lastStart > 0 {
            let opening = bytes[lastStart - 1]
            guard opening == 0x20 || opening == 0x0A || opening == 0x09 || opening == 0x28 || opening == 0x22 else { return false }
        }
        if lastEnd - lastStart == 1, bytes[lastStart] >= 65, bytes[lastStart] <= 90 { return false }
        return table.abbreviationBits & BlamelessScreen.bit(lastKey) == 0 || !table.abbreviations.contains(lastKey)
    }

    /// Whether white space and a capital or a digit follow the terminator
    /// at `index`, so that `SentenceSegmenter` ends a sentence after it.
    private func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        var next = index + 1
        guard next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x09 else { return false }
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return false }
        let first = bytes[next]
        return (first >= 65 && first <= 90) || (first >= 48 && first <= 57)
    }

    /// The scalar value and length of the UTF-8 sequence at `index` (U+FFFD and 1 when malformed).
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}

/// The blameless rules' reading of one postmortem: `BlamelessScreen` reads
/// the prose as bytes, and the sentences it lets through (few: those with a
/// word some detector acts on) are tokenised and analysed once, and the four
/// detectors run on them. The four
/// rules each read their part of the result (the linter computes it once
/// per file; see `FileAnalysisCache`).
public struct BlamelessAnalysis: Sendable {
    /// One finding of one blameless rule, with its file position.
    public struct Match: Sendable, Hashable {
        public var kind: BlamelessKind
        public var location: SourceLocation
        public var message: String
        public var suggestion: String
    }

    /// In document order.
    public let matches: [Match]

    /// The people `postmortem` can name: `people` plus its front matter's
    /// handles and its action items' owners.
    public static func people(of postmortem: Postmortem, base people: PeopleIndex) -> PeopleIndex {
        var handles: [String] = []
        if let frontMatter = postmortem.frontMatter {
            for key in ["authors", "incident_commander", "responders", "approvers"] { handles += frontMatter.strings(key) }
        }
        for row in postmortem.actionTable?.rows ?? [] {
            if let owner = row.cells["owner"] {
                // Split on bytes: a split by Character walked grapheme clusters, for cells of handles.
                for part in owner.utf8.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") })
                where part.first == UInt8(ascii: "@") {
                    handles.append(String(Substring(part)))
                }
            }
        }
        return people.adding(handles: handles)
    }

    public init(postmortem: Postmortem, vocabulary: BlamelessVocabulary, people: PeopleIndex) {
        self.init(postmortem: postmortem, vocabulary: vocabulary, people: people, screened: true)
    }

    /// `screened: false` analyses every sentence, for tests that check that `BlamelessScreen` drops no match.
    init(postmortem: Postmortem, vocabulary: BlamelessVocabulary, people: PeopleIndex, screened: Bool) {
        let index = BlamelessAnalysis.people(of: postmortem, base: people)
        var found: [Match] = []
        let screen = BlamelessScreen(vocabulary: vocabulary, people: index)
        for run in ProseExtractor.runs(in: postmortem) {
            // Most runs hold no sentence that any detector could report; they are never tokenised.
            let reading = screened ? screen.reading(of: run.utf8) : BlamelessScreen.Reading(pieces: [0..<Int.max], regions: [0..<Int.max])
            let pieces = reading.pieces
            guard !pieces.isEmpty else { continue }
            let scalars = run.scalars
            // Only the pieces are tokenised, with what they need around them (see `Reading.regions`).
            let tokens = ProseTokenizer.tokens(scalars, in: reading.regions)
            let facts = WordFacts(tokens: tokens, scalars: scalars, vocabulary: vocabulary, people: index)
            var locations: [SourceLocation]?
            var piece = 0
            var previous: Range<Int>?
            for range in SentenceSegmenter.sentences(tokens, scalars: scalars) {
                defer { previous = range }
                // Pieces are whole sentences, in order: a sentence is in the piece that holds its first token.
                let start = tokens[range.lowerBound].start
                while piece < pieces.count, pieces[piece].upperBound <= start { piece += 1 }
                guard piece < pieces.count, pieces[piece].contains(start), facts.mayMatch(range) else { continue }
                let analysis = SentenceAnalysis(tokens: tokens, scalars: scalars, facts: facts, range: range,
                                                vocabulary: vocabulary, people: index)
                if let previous { analysis.pluralsBefore = SentenceAnalysis.plurals(in: previous, of: tokens, facts: facts) }
                let chosen = BlamelessAnalysis.analyse(analysis)
                guard !chosen.isEmpty else { continue }
                if locations == nil { locations = run.locations(in: postmortem.lines) }
                for match in chosen {
                    let offset = tokens[range.lowerBound + match.range.lowerBound].start
                    let location = locations.flatMap { $0.indices.contains(offset) ? $0[offset] : nil } ?? run.origin
                    found.append(Match(kind: match.kind, location: location, message: match.message, suggestion: match.suggestion))
                }
            }
        }
        matches = found
    }

    /// The matches of the four detectors on one sentence, reconciled: at most
    /// one per rule (the earliest), none inside an allowed phrase, and no
    /// named-individual finding where a judgemental term or a counterfactual
    /// already covers the sentence (policy 8: one rule per sentence, by
    /// precedence; hindsight, an info, is reported besides).
    static func analyse(_ text: String, vocabulary: BlamelessVocabulary, people: PeopleIndex, screened: Bool = true) -> [BlamelessMatch] {
        // Through the screen too, so that every detection test also checks that it lets the sentence through.
        if screened, BlamelessScreen(vocabulary: vocabulary, people: people).pieces(of: Array(text.utf8)).isEmpty { return [] }
        let scalars = Array(text.unicodeScalars)
        let tokens = ProseTokenizer.tokens(scalars)
        let facts = WordFacts(tokens: tokens, scalars: scalars, vocabulary: vocabulary, people: people)
        guard facts.mayMatch(tokens.indices) else { return [] }
        return analyse(SentenceAnalysis(tokens: tokens, scalars: scalars, facts: facts, range: tokens.indices,
                                        vocabulary: vocabulary, people: people))
    }

    /// The reconciled matches of one analysed sentence (see above).
    static func analyse(_ analysis: SentenceAnalysis) -> [BlamelessMatch] {
        var all = JudgementDetector(analysis: analysis).matches()
        all += CounterfactualDetector(analysis: analysis).matches()
        all += AgentDetector(analysis: analysis).matches()
        all += MinimiserDetector(analysis: analysis).matches()
        if analysis.hasPhrases {
            let allowed = analysis.phrases(.allowed).map(\.range)
            all.removeAll { match in allowed.contains { $0.overlaps(match.range) } }
        }
        guard !all.isEmpty else { return [] }
        var chosen: [BlamelessMatch] = []
        // The earliest match of each rule; at the same start, the longest ("YOLO merge" over "YOLO").
        let ordered = all.sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        for match in ordered where !chosen.contains(where: { $0.kind == match.kind }) {
            chosen.append(match)
        }
        if chosen.contains(where: { $0.kind == .blameLanguage || $0.kind == .counterfactual }) {
            chosen.removeAll { $0.kind == .namedIndividual }
        }
        return chosen.sorted { ($0.range.lowerBound, $0.kind.rank) < ($1.range.lowerBound, $1.kind.rank) }
    }

    public func matches(of kind: BlamelessKind) -> [Match] {
        matches.filter { $0.kind == kind }
    }
}


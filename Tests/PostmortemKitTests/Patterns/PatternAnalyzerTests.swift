import Foundation
import Testing
@testable import PostmortemKit

struct PatternAnalyzerTests {
    /// The labelled fixture corpus, as the CLI loads it.
    static func fixturePostmortems() throws -> [Postmortem] {
        let root = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/patterns-corpus")
        return try RepositoryLoader.load(LoadOptions(workingDirectory: root)).postmortems
    }

    @Test func reportIsTheSameBytesForAnyNumberOfWorkers() throws {
        let postmortems = try Self.fixturePostmortems()
        let today = LocalDate(year: 2026, month: 11, day: 28)!
        var outputs: [String] = []
        for workers in [1, 2, 5] {
            var analyzer = PatternAnalyzer()
            analyzer.workers = workers
            outputs.append(PatternsFormatter.render(analyzer.analyze(postmortems, today: today), as: .json))
        }
        #expect(outputs[0].contains("\"clusters\""))
        #expect(Set(outputs).count == 1)
    }

    /// `patterns` loads without lines, trees and timelines, and counts each
    /// file's terms as it is parsed; its report must not change.
    @Test func reportIsTheSameWithoutThePartsPatternsDrops() throws {
        let root = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/patterns-corpus-6")
        var light = LoadOptions(workingDirectory: root)
        light.dropping = [.lines, .body, .timeline]
        let dropped = try RepositoryLoader.load(light).postmortems
        let whole = try RepositoryLoader.load(LoadOptions(workingDirectory: root)).postmortems
        #expect(dropped.count == whole.count && dropped.count == 36)
        #expect(dropped.allSatisfy { $0.lines.isEmpty && $0.body == nil && $0.timeline.isEmpty && !$0.sections.isEmpty })
        #expect(whole.allSatisfy { !$0.lines.isEmpty && $0.body != nil })
        // From git too (`patterns --rev`): the fixture is committed in this repository.
        light.revision = "HEAD"
        let committed = try RepositoryLoader.load(light).postmortems
        #expect(committed.count == 36 && committed.allSatisfy { $0.lines.isEmpty && $0.body == nil && $0.timeline.isEmpty })
        // And with the terms counted as each file is parsed, sections freed (as `patterns` loads).
        var counted = light
        counted.countsPatternTerms = true
        counted.revision = nil
        let countedWhileParsing = try RepositoryLoader.load(counted).postmortems
        counted.revision = "HEAD"
        let countedFromGit = try RepositoryLoader.load(counted).postmortems
        #expect([countedWhileParsing, countedFromGit].allSatisfy { loaded in
            loaded.count == 36 && loaded.allSatisfy { $0.sections.isEmpty && $0.patternInputs != nil }
        })
        let today = LocalDate(year: 2026, month: 11, day: 29)!
        let reports = [dropped, whole, committed, countedWhileParsing, countedFromGit].map {
            PatternsFormatter.render(PatternAnalyzer().analyze($0, today: today), as: .json)
        }
        #expect(reports[0].contains("\"recurrences\""))
        #expect(Set(reports).count == 1)
    }

    /// A postmortem that names another's id in its text (in any case) or
    /// links to its file mentions it: the pair is scored, with a small bonus.
    @Test func idsInTheTextAndLinksToFilesMentionPostmortems() throws {
        let root = try SummaryCacheTests.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        /// The postmortems the café one mentions, and by how much each mention adds to the score.
        func mentioned(_ postmortems: [Postmortem]) -> [String: Double] {
            let corpus = PatternCorpus(postmortems, workers: 2)
            let scorer = PairScorer(documents: corpus.documents, vocabulary: corpus.vocabulary)
            guard let cafe = corpus.documents.firstIndex(where: { $0.id == "PM-2026-900" }) else { return [:] }
            var found: [String: Double] = [:]
            for other in corpus.documents.indices where other != cafe && scorer.explain(cafe, other).mentioned {
                let explanation = scorer.explain(cafe, other)
                found[corpus.documents[other].id] = explanation.score - PairScorer.textWeight * explanation.textSimilarity
            }
            return found
        }
        // The café postmortem links to PM-2025-001's file and names "pm-2024-004".
        let postmortems = try SummaryCacheTests.load(root).postmortems
        let found = mentioned(postmortems)
        #expect(Set(found.keys) == ["PM-2025-001", "PM-2024-004"])
        #expect(found.values.allSatisfy { abs($0 - PairScorer.mentionBonus) < 1e-9 }, "\(found)")
        // The report says so where it shows the pair.
        let report = PatternAnalyzer().analyze(postmortems, today: LocalDate(year: 2026, month: 11, day: 29)!)
        let similar = try #require(report.similar.first { $0.id == "PM-2026-900" }).similar
        #expect(similar.allSatisfy { $0.explanation.mentioned == found.keys.contains($0.id) && !$0.explanation.explicitlyRelated })
        // Also when they are taken as each file is parsed (as `patterns` loads).
        var counting = LoadOptions(workingDirectory: root)
        counting.countsPatternTerms = true
        #expect(mentioned(try RepositoryLoader.load(counting).postmortems) == found)
        // Without those sentences, neither is.
        let file = root.appendingPathComponent("postmortems/2026/2026-05-01-cafe-checkout-queue-stalled.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let plain = text.replacingOccurrences(of: "[PM-2025-001](../2025/2025-02-11-payments-mtls-client-identity-lapsed.md)", with: "an earlier one")
            .replacingOccurrences(of: "much as in pm-2024-004", with: "again")
        try Data(plain.utf8).write(to: file)
        #expect(mentioned(try SummaryCacheTests.load(root).postmortems).isEmpty)
    }

    @Test func mentionsAreWordsWithALetterADigitAndAHyphen() {
        var mentions = PostmortemMentions()
        mentions.scan("A repeat of PM-2024-002 (see pm-2024-002, INC-88; -OPS-7- too), not 2024-03-01, edge-proxy, x509 or Ärger-1.")
        #expect(mentions.words == ["pm-2024-002", "inc-88", "ops-7"])
        #expect(PostmortemMentions.linkedPath("../2024/a.md#timeline", from: "postmortems/2025/b.md") == "postmortems/2024/a.md")
        #expect(PostmortemMentions.linkedPath("./c.md", from: "postmortems/2025/b.md") == "postmortems/2025/c.md")
        #expect(PostmortemMentions.linkedPath("https://example.com/a.md", from: "postmortems/b.md") == nil)
        #expect(PostmortemMentions.linkedPath("../runbooks/queue.txt", from: "postmortems/b.md") == nil)
    }

    /// The scan jumps from hyphen to hyphen; the reference reads every
    /// character: words are maximal runs of ASCII letters, digits, `-`, `_`
    /// and other scripts' characters, kept when ASCII only, with a letter,
    /// a digit and a hyphen left once outer hyphens are trimmed.
    @Test func mentionsMatchAReadingOfEveryCharacter() {
        func reference(_ text: String) -> [String] {
            // Other scripts' characters join a word, only to exclude it.
            func inWord(_ c: Character) -> Bool { !c.isASCII || c.isLetter || c.isNumber || c == "-" || c == "_" }
            var words: [String] = []
            var run = ""
            for c in text + " " {
                if inWord(c) { run.append(c); continue }
                let trimmed = run.drop(while: { $0 == "-" }).reversed().drop(while: { $0 == "-" }).reversed()
                let word = String(trimmed)
                if run.allSatisfy(\.isASCII), run.contains(where: \.isLetter), run.contains(where: \.isNumber), word.contains("-"),
                   !words.contains(word.lowercased()) {
                    words.append(word.lowercased())
                }
                run = ""
            }
            return words
        }
        var generator = SeededGenerator(seed: 20261130)
        let pieces = ["PM", "pm", "-", "--", "2024", "7", "_", " ", ", ", "edge", "proxy", "é", "Ä", "(", ")", ".", "\n", "x509"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var mentions = PostmortemMentions()
            mentions.scan(text)
            #expect(mentions.words == reference(text), "\(text)")
        }
    }

    @Test func termCounterWeighsWordsAndConceptsAsTheVectorizerDefinesThem() {
        let texts = [("The TLS cert lapsed on the edge; the cert was not renewed.", 2.0),
                     ("x509: certificate has expired. Überlast im Zähler — ÉTÉ, été.", 1.5),
                     ("Too many connections on the pool: pool size 20, a record missing.", 0.3)]
        var expected: [String: Double] = [:]
        for (text, weight) in texts {
            let words = TextVectorizer.words(text)
            // Each text is a field: a phrase counts once in it ("cert" twice in the first).
            var seen = Set<Int>()
            for (concept, phrase) in ConceptLexicon.matches(in: words) where seen.insert(phrase).inserted {
                expected[concept, default: 0] += ConceptLexicon.failureModes.contains(concept) ? 2 * weight : weight
            }
            for word in words where !TextVectorizer.stopWords.contains(word) && word.count > 1 { expected[word, default: 0] += weight }
        }
        var counter = TermCounter()
        // A previous document's words must not leak into the next one.
        counter.add("Kafka consumers rebalanced", weight: 1)
        counter.startDocument()
        for (text, weight) in texts {
            counter.startField()
            counter.add(text, weight: weight)
        }
        let counted = Dictionary(uniqueKeysWithValues: counter.terms.map { ($0.term, $0.weight) })
        #expect(counted == expected)
        #expect(counted["été"] == 3.0)
        #expect(counted["kafka"] == nil)
        // "tls" and "cert" (once, though it occurs twice) in the first field, "x509" and "certificate" in the second.
        #expect(counted["~certificate"] == 2 * 2.0 + 2 * 1.5)
        // "lapsed" and "not renewed" in the first field, "certificate has expired" in the second.
        #expect(counted["~expiry"] == 2 * (2 * 2.0 + 1.5))
    }

    @Test func commonTermsStillFindNeighboursWithinTheWindow() {
        // 600 documents that share only one term (over the posting cap of
        // 4√600 ≈ 97): each must still get candidates, and only near ones.
        let documents = (0..<600).map { index in
            PatternDocument(path: String(format: "p/%04d.md", index), id: "PM-\(index)", idRank: Int32(index), title: "t",
                            started: Timestamp(secondsSince1970: index * 86_400), severity: "SEV3",
                            services: [], factors: [], tags: [], related: [], vector: [(term: 0, weight: 1)])
        }
        let pairs = CandidateIndex.pairs(documents, workers: 2)
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { Int($0.b - $0.a) <= CandidateIndex.commonTermWindow })
        #expect(pairs.count <= documents.count * (CandidateIndex.candidatesPerDocument + CandidateIndex.conceptCandidatesPerDocument))
    }

    @Test func aPairSharingOnlyAFailureModeIsACandidate() {
        // Documents 0 and 7 share only a failure mode (term 1), each beside a
        // different component (terms 0 and 2); documents 1–6 share both
        // components and no failure mode. By concepts alone 1–6 are closer
        // to 0 and 7 than they are to each other; by the score, 0 and 7 are
        // the closest pair, so they must be a candidate pair.
        func document(_ index: Int, concepts: SparseVector, failureModes: SparseVector) -> PatternDocument {
            PatternDocument(path: "p/\(index).md", id: "PM-\(index)", idRank: Int32(index), title: "t",
                            started: Timestamp(secondsSince1970: index * 86_400), severity: "SEV3", services: [], factors: [],
                            tags: [], related: [], concepts: concepts, failureModes: failureModes)
        }
        let both = Float(0.5).squareRoot()
        var documents = [document(0, concepts: [(0, 0.9), (1, 0.436)], failureModes: [(1, 1)])]
        documents += (1...6).map { document($0, concepts: [(0, both), (2, both)], failureModes: []) }
        documents.append(document(7, concepts: [(1, 0.436), (2, 0.9)], failureModes: [(1, 1)]))
        let scorer = PairScorer(documents: documents, vocabulary: ["~a", "~b", "~c"])
        #expect((1...6).allSatisfy { scorer.textSimilarity(0, 7) > scorer.textSimilarity(0, $0) })
        #expect(CandidateIndex.pairs(documents, workers: 2).contains(CandidateIndex.Pair(0, 7)))
    }
}

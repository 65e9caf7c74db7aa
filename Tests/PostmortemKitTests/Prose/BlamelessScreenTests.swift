import Foundation
import Testing
@testable import PostmortemKit

/// The screen in front of the blameless analysis: it must never hide a
/// match, and it should drop the sentences that no detector can report.
struct BlamelessScreenTests {
    private let screen = BlamelessScreen(vocabulary: .builtIn, people: PeopleIndexTests.roster)

    private func passes(_ text: String, _ screen: BlamelessScreen? = nil) -> Bool {
        !(screen ?? self.screen).pieces(of: Array(text.utf8)).isEmpty
    }

    /// The labelled sentences kept with the tests, blameful and blameless.
    private static func labelledSentences() throws -> [String] {
        let url = TestLint.packageRoot.appendingPathComponent("Tests/Fixtures/blameless/extra.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["text"] as? String
        }
    }

    /// The prose of the four rules' examples, firing and passing.
    private static var ruleExamples: [String] {
        let rules: [RuleDescription] = [BlameLanguageRule.description, CounterfactualRule.description,
                                        NamedIndividualRule.description, HindsightRule.description]
        return rules.flatMap { $0.fires + $0.passes }.map { $0.excerpt.filter { $0 != RuleExample.marker } }
    }

    @Test func letsThroughEverySentenceThatADetectorReports() throws {
        var reported = 0
        for text in try Self.labelledSentences() + Self.ruleExamples {
            let unscreened = BlamelessAnalysis.analyse(text, vocabulary: .builtIn, people: PeopleIndexTests.roster, screened: false)
            guard !unscreened.isEmpty else { continue }
            reported += 1
            #expect(passes(text), "\(text)")
        }
        #expect(reported > 100)
    }

    @Test func aParagraphOfManySentencesReportsTheSameScreenedOrNot() throws {
        // One run: the screen's cuts between sentences must agree with the segmenter's.
        let paragraph = try Self.labelledSentences().joined(separator: " ")
        let postmortem = TestLint.parse(RuleExample.section(.incidentOverview, paragraph).text)
        let screened = BlamelessAnalysis(postmortem: postmortem, vocabulary: .builtIn, people: PeopleIndexTests.roster)
        let full = BlamelessAnalysis(postmortem: postmortem, vocabulary: .builtIn, people: PeopleIndexTests.roster, screened: false)
        #expect(screened.matches == full.matches)
        #expect(screened.matches.count > 50)
    }

    @Test func regionsReadAsTheWholeRunDoes() throws {
        // Paragraphs of labelled sentences in random order, some with quotation marks, some blameful.
        // Besides, quotations that span sentences, opened or closed in one that no detector reports.
        let spanning = ["The banner said \"Could not save.", "Please try again.\" Obviously it broke.",
                        "The runbook said “restart it.", "Then wait.” The on-call engineer just restarted it.",
                        "The ticket read ‘all good.", "Ship it.’ Dana's change was careless.", "The engineers' notes were short."]
        let sentences = try Self.labelledSentences() + Array(repeating: spanning, count: 20).joined()
        var generator = SeededGenerator(seed: 2026_12_01)
        var partial = 0
        var reported = 0
        for _ in 0..<400 {
            let count = Int.random(in: 1...10, using: &generator)
            let paragraph = (0..<count).map { _ in sentences.randomElement(using: &generator)! }.joined(separator: " ")
            let scalars = Array(paragraph.unicodeScalars)
            let reading = screen.reading(of: Array(paragraph.utf8))
            if !reading.pieces.isEmpty, reading.regions != [0..<scalars.count] { partial += 1 }
            // The regions' tokens are the whole run's tokens there, quotations included.
            let whole = ProseTokenizer.tokens(scalars)
            let read = ProseTokenizer.tokens(scalars, in: reading.regions)
            #expect(read == whole.filter { token in reading.regions.contains { $0.contains(token.start) } }, "\(paragraph)")
            for piece in reading.pieces { #expect(reading.regions.contains { $0.lowerBound <= piece.lowerBound && piece.upperBound <= $0.upperBound }) }
            let postmortem = TestLint.parse(RuleExample.section(.incidentOverview, paragraph).text)
            let screened = BlamelessAnalysis(postmortem: postmortem, vocabulary: .builtIn, people: PeopleIndexTests.roster)
            let full = BlamelessAnalysis(postmortem: postmortem, vocabulary: .builtIn, people: PeopleIndexTests.roster, screened: false)
            #expect(screened.matches == full.matches, "\(paragraph)")
            if !full.matches.isEmpty { reported += 1 }
        }
        // Both ways of reading were taken: only some regions, and the whole run.
        #expect(partial > 50)
        #expect(reported > 100)
    }

    @Test func aQuotationMarkOutsideThePiecesMakesTheWholeRunTheRegion() {
        // "Obviously" passes alone; the quotation opens two sentences before it and closes in it.
        let text = "The banner said \"Could not save. Please try again. Obviously it broke.\" The queue drained."
        let reading = screen.reading(of: Array(text.utf8))
        #expect(reading.pieces.count == 1)
        #expect(reading.regions == [0..<text.unicodeScalars.count])
        // Without it, only the piece is read, and the sentence before it when "they" may need it.
        let plain = "The banner said Could not save. Please try again. Obviously it broke. The queue drained."
        let plainReading = screen.reading(of: Array(plain.utf8))
        #expect(ProseTokenizer.tokens(Array(plain.unicodeScalars), in: plainReading.regions).map(\.lower) == ["obviously", "it", "broke", "."])
        let they = "The banner said Could not save. Two workers retried. Obviously they broke. The queue drained."
        let theyReading = screen.reading(of: Array(they.utf8))
        #expect(ProseTokenizer.tokens(Array(they.unicodeScalars), in: theyReading.regions).map(\.lower)
                == ["two", "workers", "retried", ".", "obviously", "they", "broke", "."])
    }

    @Test func cutsOnlyWhereTheSegmenterEndsASentence() {
        // Every sentence has "obviously", which passes alone, so every piece comes back.
        let text = """
            Obviously it broke. Dr. Obviously went home, e.g. obviously. Obviously 99.9% obviously! Obviously \
            "quoted." Obviously J. Obviously. Obviously (obviously). Obviously @bob obviously... Obviously v1.2. \
            Obviously?! Obviously — über. Obviously it’s fine. Obviously approx. 5 min. Obviously 3. Obviously ok
            """
        let scalars = Array(text.unicodeScalars)
        let tokens = ProseTokenizer.tokens(scalars)
        let ends = Set(SentenceSegmenter.sentences(tokens, scalars: scalars).map { tokens[$0.upperBound - 1].end })
        let pieces = screen.pieces(of: Array(text.utf8))
        #expect(pieces.count >= 8)
        #expect(pieces.first?.lowerBound == 0)
        #expect(pieces.last?.upperBound == scalars.count)
        for (piece, next) in zip(pieces, pieces.dropFirst()) {
            #expect(piece.upperBound == next.lowerBound)
            #expect(ends.contains(piece.upperBound), "cut at \(piece.upperBound) inside a sentence")
        }
    }

    @Test(arguments: [
        // A cue, but no person: the detectors of agents and counterfactuals need one.
        "Latency at the 99th percentile climbed from 189 ms to 7313 ms while throughput stayed roughly constant.",
        "If the circuit breaker had tripped at 50% errors, the retry storm would have been contained.",
        // A person, but nothing they are blamed for.
        "The on-call engineer correlated the alert with a change in request volume.",
        // A trigger clause counts with a named person only.
        "Responders compared the behaviour with a previous incident and ruled out the network as a cause.",
        // Phrases that only excuse or qualify: technical terms, contrasts.
        "Dashboards showed the error rate rising from under 0.1% to 46% within 8 minutes.",
        "The service degraded gradually rather than failing outright, which delayed a clear signal.",
    ])
    func dropsSentencesThatNoDetectorCanReport(_ text: String) {
        #expect(!passes(text))
    }

    @Test(arguments: [
        "Grace's typo disabled card payments.",
        "The reviewer didn’t check the plan.",
        "Obviously the alert was noisy.",
        "Anyone could see the queue growing.",
        "All it took was one flag.",
        "Nobody checked the backups.",
        "The broken migration was pushed by @erik on Friday.",
        // A letter outside ASCII is not read, so its sentence goes through.
        "Chloé restarted the broker.",
    ])
    func letsThroughSentencesWithCues(_ text: String) {
        #expect(passes(text))
    }

    @Test func namesComeFromThePeopleIndex() {
        let text = "The stampede started when Dana flushed the cache."
        #expect(!passes(text))
        #expect(passes(text, BlamelessScreen(vocabulary: .builtIn, people: PeopleIndexTests.roster.adding(handles: ["@dana.k"]))))
    }

    /// "had" and "all" count only where a clause starts, as in
    /// `WordFacts.mayMatch`: "Had we …", ", and had …", "All it took was".
    @Test func clauseStartCuesCountOnlyWhereAClauseStarts() {
        #expect(!passes("We had two subscriptions with the vendor."))
        #expect(!passes("They had all the dashboards open, and it was quiet."))
        #expect(passes("Had we paged the database team, we would have known sooner."))
        #expect(passes("The alert fired, and had the team looked, the queue was short."))
        #expect(passes("The alert fired; had the team looked, the queue was short."))
        #expect(passes("All it took was one engineer."))
        #expect(passes("The deploy passed, but all it took was one engineer."))
        // A contraction reads "'d" after its apostrophe, which may start a clause.
        #expect(passes("We'd paged the team."))
        // The sentences the analysis reports through "had" or "all" at a clause start pass.
        for text in ["Had the on-call engineer escalated, the outage would have been shorter.",
                     "All the on-call had to do was restart the consumer group."] {
            #expect(!BlamelessAnalysis.analyse(text, vocabulary: .builtIn, people: PeopleIndexTests.roster, screened: false).isEmpty, "\(text)")
            #expect(passes(text), "\(text)")
        }
    }

    /// A modal counts only in a modal perfect, as in `WordFacts.mayMatch`:
    /// "have", "'ve" or "of" within three tokens, or "shoulda".
    @Test func aModalCountsOnlyInAModalPerfect() {
        #expect(!passes("We would restart the pods every night."))
        #expect(!passes("The team could see the queue growing."))
        #expect(passes("We should have paged the database team."))
        #expect(passes("We should've paged the database team."))
        #expect(passes("We shouldn't have paged the database team."))
        #expect(passes("We could of stopped it."))
        #expect(passes("We shoulda paged the database team."))
        #expect(passes("The team should not really have restarted it."))
        // The window is the analysis's: three tokens, however many bytes.
        #expect(!passes("We should restart it; the team was right to have waited."))
        for text in ["The on-call engineer should have paged the database team.", "We should've tested the migration on a copy first."] {
            #expect(!BlamelessAnalysis.analyse(text, vocabulary: .builtIn, people: PeopleIndexTests.roster, screened: false).isEmpty, "\(text)")
            #expect(passes(text), "\(text)")
        }
    }

    /// "on-call" is a role and "no-one" a person, but "call" and "one" alone are neither.
    @Test func aHyphenatedWordCountsOnlyWithAllItsRuns() {
        #expect(passes("The on-call engineer skipped the review."))
        #expect(passes("No-one reviewed the change without a ticket."))
        #expect(passes("No one reviewed the change without a ticket."))
        #expect(!passes("One replica skipped the review."))
        #expect(!passes("The API call failed without a retry."))
        #expect(BlamelessScreen.otherRuns(of: "on-call") == ["on"])
        #expect(BlamelessScreen.otherRuns(of: "engineer").isEmpty)
        #expect(BlamelessScreen.otherRuns(of: "shouldn't").isEmpty)
    }

    @Test func teamTermsAreCues() {
        let text = "Heroics kept the site up."
        #expect(!passes(text))
        let vocabulary = BlamelessVocabulary.builtIn.extended(terms: ["heroics"], allowed: [])
        #expect(passes(text, BlamelessScreen(vocabulary: vocabulary, people: PeopleIndex())))
    }

    @Test func everyWordReadAsAPersonIsAHumanCue() {
        // `agent(of:)` on each word the vocabulary knows, alone as a phrase.
        let vocabulary = BlamelessVocabulary.builtIn
        var human = 0
        for word in vocabulary.entries.keys.sorted() {
            let analysis = SentenceAnalysis(text: word, vocabulary: vocabulary, people: PeopleIndex())
            guard analysis.count == 1, analysis.agent(of: NounPhrase(range: 0..<1, head: 0)).isHuman,
                  let fragment = BlamelessScreen.fragments(of: word).first else { continue }
            human += 1
            if BlamelessScreen.otherRuns(of: word).isEmpty {
                #expect(vocabulary.screen.cues(BlamelessScreen.key(fragment)).contains(.human), "\(word)")
            } else {
                // A hyphenated word's cues wait for its other runs, as a phrase's do.
                #expect(passes("The \(word) skipped the review.", BlamelessScreen(vocabulary: vocabulary, people: PeopleIndex())), "\(word)")
            }
        }
        #expect(human > 20)
    }

    @Test func everyCueWordIsInOneGroup() {
        let groups = [BlamelessVocabulary.agentCues, BlamelessVocabulary.triggerCues, BlamelessVocabulary.minimiserCues,
                      BlamelessVocabulary.universalModals, [BlamelessVocabulary.allCue]]
        #expect(groups.map(\.count).reduce(0, +) == BlamelessVocabulary.cueWords.count)
    }
}

import Testing
@testable import PostmortemKit

/// Who the subject of a predicate is, and whether it is a person or a system.
struct SentenceAnalysisTests {
    private func analysis(_ text: String) -> SentenceAnalysis {
        SentenceAnalysis(text: text, vocabulary: .builtIn, people: PeopleIndexTests.roster)
    }

    /// The subject of the first occurrence of `word`, and who it is.
    private func subject(of word: String, in text: String) -> (String, Agent)? {
        let sentence = analysis(text)
        guard let index = sentence.tokens.firstIndex(where: { $0.lower == word }),
              let phrase = sentence.subject(of: index) else { return nil }
        return (sentence.text(of: phrase.range), sentence.agent(of: phrase))
    }

    @Test(arguments: [
        ("The health check failed to detect the deadlock.", "failed", "The health check", Agent.system),
        ("The reviewer failed to notice the lock.", "failed", "The reviewer", .role),
        ("cert-manager failed to renew the certificate.", "failed", "cert-manager", .system),
        ("The engineer who ran the cleanup script failed to check.", "failed", "The engineer", .role),
        ("Nobody on the team thought to check.", "thought", "Nobody", .nobody),
        ("None of the responders thought to check.", "thought", "None of the responders", .nobody),
        ("In hindsight, the incident commander should have declared it.", "should", "the incident commander", .role),
        ("At 09:58 the deploy bot began the rollout.", "began", "the deploy bot", .system),
        ("The dev environment's Postgres instance failed to start.", "failed", "The dev environment's Postgres instance", .system),
        ("The payments team showed poor judgement.", "showed", "The payments team", .team),
        ("We could have avoided it.", "could", "We", .we),
        ("If they had looked at the logs, we would know.", "had", "they", .pronoun),
        ("The pods crashed because they ran out of memory.", "ran", "they", .system),
        ("Dev accidentally ran the job.", "ran", "Dev", .individual),
        ("The Postgres operator failed to promote a replica.", "failed", "The Postgres operator", .system),
        ("The operator messed up the context.", "messed", "The operator", .role),
    ])
    func findsTheSubject(_ text: String, _ word: String, _ expected: String, _ agent: Agent) throws {
        let found = try #require(subject(of: word, in: text))
        #expect(found.0 == expected)
        #expect(found.1 == agent)
    }

    @Test func readsThePassiveAgent() throws {
        let sentence = analysis("The ingress config was broken by Alice during the cleanup.")
        let index = try #require(sentence.tokens.firstIndex { $0.lower == "broken" })
        let actor = try #require(sentence.actor(of: index))
        #expect(sentence.text(of: actor.phrase.range) == "Alice")
        #expect(actor.agent == .individual)
    }

    @Test func readsPossessors() throws {
        let sentence = analysis("Alice's migration locked the users table.")
        let phrase = try #require(sentence.nounPhrase(at: 0, before: sentence.count))
        #expect(phrase.possessor == 0)
        #expect(sentence.lower(phrase.head) == "migration")
    }

    @Test func negationStaysInItsClause() {
        let sentence = analysis("We avoided attributing this to human error, but Bob was careless.")
        let human = sentence.tokens.firstIndex { $0.lower == "human" } ?? 0
        let careless = sentence.tokens.firstIndex { $0.lower == "careless" } ?? 0
        #expect(sentence.isNegated(human))
        #expect(!sentence.isNegated(careless))
    }
}

import Testing
@testable import PostmortemKit

struct TextVectorizerTests {
    @Test func wordsAreLowerCasedAndKeepInnerDotsAndUnderscores() {
        #expect(TextVectorizer.words("Raise max.poll.interval.ms and max_connections, not 502.") == ["raise", "max.poll.interval.ms", "and", "max_connections", "not"])
        #expect(TextVectorizer.words("Überlast im Zähler — ÉTÉ 2025") == ["überlast", "im", "zähler", "été"])
        #expect(TextVectorizer.words("x509: certificate has expired") == ["x509", "certificate", "has", "expired"])
    }

    @Test func conceptsJoinDifferentWordingsOfOneProblem() {
        let a = ConceptLexicon.concepts(in: TextVectorizer.words("The TLS cert lapsed on the edge"))
        let b = ConceptLexicon.concepts(in: TextVectorizer.words("x509: certificate has expired"))
        #expect(Set(a).isSuperset(of: ["~certificate", "~expiry"]))
        #expect(Set(b).isSuperset(of: ["~certificate", "~expiry"]))
        #expect(ConceptLexicon.concepts(in: TextVectorizer.words("too many connections on the pool")).contains("~connection-pool"))
    }

    @Test func ambiguousWordsNameAConceptOnlyNearAWordThatFixesTheirSense() {
        func concepts(_ text: String) -> Set<String> { Set(ConceptLexicon.concepts(in: TextVectorizer.words(text))) }
        #expect(concepts("Both Prometheus volumes were full by 01:10").contains("~disk-full"))
        #expect(concepts("The WAL filled the root volume").contains("~disk-full"))
        #expect(concepts("The TSDB ran out of space").contains("~disk-full"))
        #expect(!concepts("The TSDB ran out of space").contains("~expiry"))
        #expect(!concepts("Back-to-back full GC pauses, then backoff with full jitter").contains("~disk-full"))
        #expect(concepts("Hot keys were evicted from Redis").contains("~cache-miss"))
        #expect(!concepts("The kubelet evicted the ingester pods").contains("~cache-miss"))
        #expect(!concepts("The coordinator evicted the consumer from the group").contains("~cache-miss"))
        #expect(concepts("Connections were exhausted within a minute").contains("~connection-pool"))
        #expect(!concepts("Fluent Bit's retries were exhausted").contains("~connection-pool"))
        #expect(!concepts("Two nodes in the shared node pool").contains("~connection-pool"))
        #expect(concepts("The database replica fell behind").isSuperset(of: ["~replication", "~lag"]))
        #expect(!concepts("The deployment was scaled to 12 replicas").contains("~replication"))
        #expect(concepts("A network partition between zones").contains("~network"))
        #expect(!concepts("A network partition between zones").contains("~kafka"))
        #expect(!concepts("Log records were discarded").contains("~dns"))
    }

    @Test func failureModesNameHowItFailedNotWhatFailed() {
        #expect(ConceptLexicon.failureModes.contains("~disk-full"))
        #expect(!ConceptLexicon.failureModes.contains("~disk"))
        #expect(ConceptLexicon.failureModes.contains("~cache-miss"))
        #expect(!ConceptLexicon.failureModes.contains("~cache"))
        #expect(ConceptLexicon.failureModes.allSatisfy { ConceptLexicon.tokens.contains($0) })
    }
}

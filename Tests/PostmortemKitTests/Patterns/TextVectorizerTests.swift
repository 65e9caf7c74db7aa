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
}

import Testing
@testable import PostmortemKit

/// Tokens and sentences survive what postmortems are full of.
struct ProseTokenizerTests {
    private func lowers(_ text: String) -> [String] {
        ProseTokenizer.tokens(Array(text.unicodeScalars)).map(\.lower)
    }

    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let tokens = ProseTokenizer.tokens(scalars)
        return SentenceSegmenter.sentences(tokens, scalars: scalars).map { range in
            tokens[range].map { $0.text(in: scalars) }.joined(separator: " ")
        }
    }

    @Test func keepsTechnicalWordsWhole() {
        #expect(lowers("The on-call SRE rolled back v3.8.1 at 09:14 in us-west-2.")
                == ["the", "on-call", "sre", "rolled", "back", "v3.8.1", "at", "09:14", "in", "us-west-2", "."])
        #expect(lowers("@org/team saw 4,120 events on session.timeout.ms") == ["@org/team", "saw", "4,120", "events", "on", "session.timeout.ms"])
    }

    @Test func splitsContractionsAndPossessives() {
        #expect(lowers("@bob's typo") == ["@bob", "'s", "typo"])
        #expect(lowers("Erik should've pinned it") == ["erik", "should", "have", "pinned", "it"])
        #expect(lowers("Grace shouldn't have") == ["grace", "should", "not", "have"])
        #expect(lowers("They can't and won't") == ["they", "can", "not", "and", "will", "not"])
        #expect(lowers("Dev’s change") == ["dev", "'s", "change"])
    }

    @Test func anEmailAddressIsNotAMention() {
        let tokens = ProseTokenizer.tokens(Array("mail bob@example.com now".unicodeScalars))
        #expect(!tokens.contains { $0.kind == .handle })
    }

    @Test func marksQuotations() {
        let tokens = ProseTokenizer.tokens(Array("The ticket said \"human error\" and ‘careless’ but engineers' notes did not.".unicodeScalars))
        let quoted = tokens.filter(\.isQuoted).map(\.lower)
        #expect(quoted == ["human", "error", "careless"])
        // An unclosed quotation marks nothing.
        #expect(!ProseTokenizer.tokens(Array("He said \"careless and left".unicodeScalars)).contains { $0.isQuoted })
    }

    @Test func segmentsSentencesAroundAbbreviationsDecimalsTimesAndHandles() {
        #expect(sentences("Latency rose to 2.4 s at 09:14 (approx. 3x), e.g. on v1.2.3. @dana.k paged the DBA. Done.").count == 3)
        #expect(sentences("J. Smith joined at 10 a.m. and left. Then it recovered.").count == 2)
    }
}

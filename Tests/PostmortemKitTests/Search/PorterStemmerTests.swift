import Foundation
import Testing
@testable import PostmortemKit

/// Outputs of Martin Porter's reference implementation (his published
/// vocabulary and the examples of the 1980 paper).
struct PorterStemmerTests {
    static let known: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("disabled", "disabl"), ("matting", "mat"), ("mating", "mate"),
        ("meeting", "meet"), ("milling", "mill"), ("messing", "mess"), ("meetings", "meet"),
        ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"), ("sing", "sing"),
        ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"),
        ("conditional", "condit"), ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"),
        ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"),
        ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"),
        ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
        ("sensibiliti", "sensibl"), ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"),
        ("electriciti", "electr"), ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"),
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"),
        ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"),
        ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"), ("probate", "probat"),
        ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        ("generalizations", "gener"), ("oscillators", "oscil"), ("connections", "connect"),
        ("certificates", "certif"), ("rebalancing", "rebalanc"), ("archaeology", "archaeolog"),
    ]

    @Test(arguments: known)
    func matchesTheReferenceImplementation(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func leavesShortAndNonASCIIWordsAlone() {
        #expect(PorterStemmer.stem("is") == "is")
        #expect(PorterStemmer.stem("dns") == "dn") // Porter drops a plural-looking s; queries are stemmed alike
        #expect(PorterStemmer.stem("größen") == "größen")
        #expect(PorterStemmer.stem("tls1") == "tls1")
        #expect(PorterStemmer.stem("") == "")
    }

    @Test func neverTrapsOnAwkwardSuffixes() {
        for word in ["ies", "sses", "eed", "ing", "ed", "yyy", "sss", "ational", "ization", "eeded", "ying"] {
            _ = PorterStemmer.stem(word)
        }
    }

    @Test func tokenizerDropsStopWordsAndStems() {
        #expect(SearchTokenizer.terms("The certificates EXPIRED on edge-proxy; a TLS error") ==
                ["certif", "expir", "edg", "proxi", "tl", "error"])
        #expect(SearchTokenizer.words("pg_stat_activity 504s") == ["pg", "stat", "activity", "504s"])
    }
}

struct SearchTokenizerTests {
    @Test func fastTermsEqualWordsFilteredAndStemmed() throws {
        let folder = TestLint.packageRoot.appendingPathComponent("postmortems")
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) + " Größe ÉCOLE naïve İstanbul"
            let slow = SearchTokenizer.words(text).filter { $0.unicodeScalars.count >= 2 && !SearchTokenizer.stopWords.contains($0) }
                .map(PorterStemmer.stem)
            #expect(SearchTokenizer.terms(text) == slow, "\(file)")
        }
    }

    @Test func clipCollapsesWhitespaceAndCutsAtASpace() {
        #expect(SearchIndexBuilder.clip("  one\n\ttwo   three ", to: 100) == "one two three")
        #expect(SearchIndexBuilder.clip("one two three four", to: 10) == "one two …")
        #expect(SearchIndexBuilder.clip("", to: 10) == "")
    }
}

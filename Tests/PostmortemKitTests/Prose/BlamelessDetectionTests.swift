import Foundation
import Testing
@testable import PostmortemKit

/// The four detectors on single sentences: which rule fires, and where.
struct BlamelessDetectionTests {
    /// The rules that fire on `text`, with the text of each span.
    private func fired(_ text: String, vocabulary: BlamelessVocabulary = .builtIn) -> [BlamelessKind: String] {
        let analysis = SentenceAnalysis(text: text, vocabulary: vocabulary, people: PeopleIndexTests.roster)
        var result: [BlamelessKind: String] = [:]
        for match in BlamelessAnalysis.analyse(text, vocabulary: vocabulary, people: PeopleIndexTests.roster) {
            result[match.kind] = analysis.text(of: match.range)
        }
        return result
    }

    @Test(arguments: [
        // Judgemental terms, used and not mentioned.
        ("The root cause was human error.", BlamelessKind.blameLanguage, "human error"),
        ("The on-call engineer was careless and restarted the wrong broker.", .blameLanguage, "careless"),
        ("Grace is to blame for the expired certificate.", .blameLanguage, "to blame"),
        ("The release manager rushed the build out.", .blameLanguage, "rushed"),
        // Counterfactuals about people.
        ("Dev should've pinned the base image.", .counterfactual, "should've pinned"),
        ("Had the engineer run the dry run first, nothing would have happened.", .counterfactual, "Had the engineer run"),
        ("The DBA was supposed to verify the backup but never did.", .counterfactual, "was supposed to"),
        // Named people as agents.
        ("Alice pushed the change to production without testing it.", .namedIndividual, "Alice"),
        ("The stampede started when Grace flushed the entire cluster.", .namedIndividual, "Grace"),
        ("The config was broken by Dev during the cleanup.", .namedIndividual, "Dev"),
        ("@alice's typo disabled card payments.", .namedIndividual, "@alice's typo"),
        // Minimisers.
        ("The responders just needed to flush the cache.", .hindsight, "just"),
        ("Clearly the certificate was going to expire.", .hindsight, "Clearly"),
    ])
    func fires(_ text: String, _ kind: BlamelessKind, _ span: String) {
        #expect(fired(text)[kind] == span, "\(fired(text))")
    }

    @Test(arguments: [
        "We avoided attributing this to human error; the console made both clusters look alike.",
        "The ticket was titled \"human error on deploy\" until the review renamed it.",
        "The error rate stayed above 5% and the error budget ran out.",
        "Running git blame showed the limit had not changed since 2021.",
        "The health check failed to detect that the threads were deadlocked.",
        "The pipeline should have blocked the change, but the check was optional.",
        "Alerts should page the on-call engineer when lag exceeds 30 seconds.",
        "The team could not reach the bastion because the VPN was down.",
        "We failed over the primary at 03:12.",
        "The pod had just started when the probe killed it.",
        "The error message did not clearly indicate which replica diverged.",
        "There was no obvious correlation at first.",
        "Dev and Erik paired on the hotfix while Grace handled communication.",
        "Alice rolled back the release at 09:14.",
        "Kubernetes killed the pods when the grace period ran out.",
        "The dev environment's database failed to start after the upgrade.",
    ])
    func passes(_ text: String) {
        #expect(fired(text).isEmpty, "\(fired(text))")
    }

    @Test func reportsOneRuleBySentenceInPrecedence() {
        // "careless" (blame-language) outranks the named person as agent.
        let found = fired("Alice's careless edit sent all traffic to one pod.")
        #expect(found.keys.sorted() == [.blameLanguage])
        // Hindsight is an info and is reported besides.
        #expect(Set(fired("Obviously Dev should have checked the lag.").keys) == [.counterfactual, .hindsight])
    }

    @Test func teamsExtendAndNarrowTheVocabulary() {
        let vocabulary = BlamelessVocabulary.builtIn.extended(terms: ["yolo merge", "Heroics"], allowed: ["simply", "human error"])
        #expect(fired("That was a YOLO merge on a Friday.", vocabulary: vocabulary)[.blameLanguage] == "YOLO merge")
        #expect(fired("Heroics kept the site up.", vocabulary: vocabulary)[.blameLanguage] == "Heroics")
        #expect(fired("The fix was simply a restart.", vocabulary: vocabulary).isEmpty)
        #expect(fired("It was human error.", vocabulary: vocabulary).isEmpty)
    }

    @Test func neverCrashesOnOddInput() {
        for text in ["", "'", "\"", "—", "'s", "n't", "If", "Had", "had had had", "@", "Alice's", "by", "if only", "…", "🚨 should have"] {
            _ = fired(text)
        }
    }
}

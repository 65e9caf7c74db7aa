import Foundation
import Testing

/// Patterns on labelled corpora by different authors: the samples, and
/// Tests/Fixtures/patterns-corpus to patterns-corpus-8 (each README says
/// how it was written and records every run of the engine on it).
struct PatternsCommandTests {
    struct Labels: Decodable {
        struct Recurrence: Decodable { var later: String; var earlier: String; var action: String }
        var clusters: [[String]]
        var recurrences: [Recurrence]
    }

    func report(in directory: URL, _ extra: [String] = []) throws -> (text: String, json: [String: Any]) {
        let result = try CLI.run(["patterns", "--format", "json", "--today", "2026-11-28"] + extra, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout, try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])
    }

    static func pairs(_ clusters: [[String]]) -> Set<[String]> {
        var pairs = Set<[String]>()
        for cluster in clusters {
            for (i, a) in cluster.enumerated() { for b in cluster[(i + 1)...] { pairs.insert([a, b].sorted()) } }
        }
        return pairs
    }

    /// Pairwise precision, recall and F1 on "same cluster", and the share of
    /// labelled recurrence pairs (later, earlier, action) the report names.
    func evaluate(_ fixture: String) throws -> (precision: Double, recall: Double, f1: Double, recurrences: Double) {
        let root = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/\(fixture)")
        let labels = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: root.appendingPathComponent("labels.json")))
        let (_, json) = try report(in: root)
        let clusters = (json["clusters"] as! [[String: Any]]).map { $0["members"] as! [String] }
        let truth = Self.pairs(labels.clusters), predicted = Self.pairs(clusters)
        let truePositives = Double(truth.intersection(predicted).count)
        let precision = predicted.isEmpty ? 0 : truePositives / Double(predicted.count)
        let recall = truePositives / Double(truth.count)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        let named = Set((json["recurrences"] as! [[String: Any]]).map { [$0["later"] as! String, $0["earlier"] as! String, $0["action"] as! String] })
        let found = labels.recurrences.filter { named.contains([$0.later, $0.earlier, $0.action]) }.count
        print("\(fixture): pairwise precision \(precision), recall \(recall), F1 \(f1); recurrence pairs named \(found)/\(labels.recurrences.count)")
        return (precision, recall, f1, Double(found) / Double(labels.recurrences.count))
    }

    @Test func independentCorpusClustersWithHighPairwiseF1() throws {
        let result = try evaluate("patterns-corpus")
        #expect(result.f1 >= 0.9)
        #expect(result.recurrences >= 0.9)
    }

    /// Tests/Fixtures/patterns-corpus-2: written before the engine was
    /// changed for it. Every cluster there spans several services and two
    /// span several technologies. Its misses (F1 0.55, then 0.64) showed
    /// failure modes the lexicon had no words for and failure-mode evidence
    /// diluted by component vocabulary; both were fixed in general terms,
    /// not from its sentences. Since shared factors weigh 0.15, a
    /// secret-exposure incident that shares the `process` factor and the
    /// credential words joins the credential-rotation cluster (F1 0.89,
    /// precision 0.80, recurrences 36/36). With the vocabulary from the
    /// mechanism paraphrases, standing orders run twice by two schedulers
    /// join the calendar cluster too (F1 0.80, precision 0.67, still 36/36),
    /// the price of mean F1 0.39 → 0.50 on ten corpora run blind (see
    /// `laterCorporaKeepWhatWasReached`). With the fitted weights, F1 0.83
    /// (precision 0.83) and 30/36: the credential-rotation cluster holds the
    /// secret-exposure incident in place of its first member.
    /// The floors hold that.
    @Test func heldOutCorpusDoesNoWorseThanWhenItWasLastMeasured() throws {
        let result = try evaluate("patterns-corpus-2")
        #expect(result.f1 >= 0.78)
        #expect(result.precision >= 0.65)
        #expect(result.recurrences >= 0.8)
    }

    /// Tests/Fixtures/patterns-corpus-3: a third author, measured before any
    /// change for it at F1 0.33 and 5/20 recurrences. Its misses (no words
    /// for integer overflow, health checks that take instances out, retries
    /// that multiply, a drain without a disruption budget) led to general
    /// failure-mode vocabulary; it is now a development set, so these floors
    /// only keep what was reached (F1 0.92, precision 0.86, 20/20; since the
    /// paraphrase vocabulary, a catalogue backfill and a release pointed at
    /// staging join the schema-lock cluster: F1 0.87, precision 0.77, 20/20)
    /// from sliding back.
    @Test func thirdCorpusKeepsWhatTheGeneralVocabularyReached() throws {
        let result = try evaluate("patterns-corpus-3")
        #expect(result.f1 >= 0.85)
        #expect(result.precision >= 0.75)
        #expect(result.recurrences >= 0.9)
    }

    /// Tests/Fixtures/patterns-corpus-4: five failure modes the lexicon does
    /// not name (a lost time source, a cache stampede, a first page read as
    /// the whole, scheduled work run twice, idle connections dropped by a
    /// middlebox), measured at F1 0.24 and 3/20. Only the word similarity
    /// can find them; weighing down words used within one service, words
    /// from lessons learned and prevention reached F1 0.49 and 9/20, and
    /// shared factors weighed at 0.15 F1 0.56 (precision 0.59) and 12/20. A
    /// development set: the floors keep that from sliding back.
    @Test func unnamedFailureModesAreFoundByWordsAlone() throws {
        let result = try evaluate("patterns-corpus-4")
        #expect(result.f1 >= 0.5)
        #expect(result.precision >= 0.5)
        #expect(result.recurrences >= 0.5)
    }

    /// Corpora 5–30, each written by a helper that did not read the engine and
    /// run once before any change for it (F1 0.14, 0.43, 0.14, 0.09, 0.56,
    /// 0.49, 0.28, 0.63, 0.56, 0.53 and 0.38 for 5–15; see their READMEs).
    /// Corpora 6–30 keep a recurring problem in its service and factor about
    /// as often as real organisations do ("same service and same factor"
    /// scores F1 0.42–0.50 on them). Corpora 5–7 then became development sets
    /// for the failure-mode vocabulary and the weights of shared services and
    /// factors, and corpus-8 (F1 0.16 after that) for more vocabulary;
    /// corpus-9 was first run before that round, corpus-10 after it and then
    /// used for one more, and corpus-11 after that; corpora 12–15 were first
    /// run on that engine with the cap on structure and four tighter context
    /// gates added since. The vocabulary from the mechanism paraphrases and
    /// the weights refit with it were then run once on corpus-11 and on
    /// corpora 16–18, written meanwhile (F1 0.28 → 0.53, 0.25 → 0.55, 0.47 →
    /// 0.56 and 0.57 → 0.49 against the engine before), and on corpora 19 and
    /// 20, written to judge a second round of vocabulary that was not kept
    /// (0.31 → 0.49, 0.52 → 0.48), and 21–24 (0.04 → 0.23, 0.30 → 0.47,
    /// 0.69 → 0.58, 0.43 → 0.61). Corpora 25–30 were written after that
    /// engine was frozen and run once on it (0.45, 0.40, 0.62, 0.66, 0.13 and
    /// 0.33). The weights were then fitted by logistic regression on all 30
    /// corpora (`Scripts/fit-pair-weights`; mean F1 on the corpus left out
    /// of the fit: see the README), with the shared vocabulary as the largest
    /// part: 0.57 → 0.68 over the 30, and 0.47 → 0.64 over the 16 run blind
    /// (11 and 16–30), with corpus-8 the one that fell (0.62 → 0.51). The
    /// floors keep what the fitted weights reach from sliding back.
    @Test(arguments: [("patterns-corpus-5", 0.71, 0.75), ("patterns-corpus-6", 0.6, 0.65),
                      ("patterns-corpus-7", 0.48, 0.4), ("patterns-corpus-8", 0.48, 0.3),
                      ("patterns-corpus-9", 0.72, 0.7), ("patterns-corpus-10", 0.6, 0.75),
                      ("patterns-corpus-11", 0.73, 0.75), ("patterns-corpus-12", 0.74, 0.95),
                      ("patterns-corpus-13", 0.74, 0.85), ("patterns-corpus-14", 0.68, 0.7),
                      ("patterns-corpus-15", 0.47, 0.45), ("patterns-corpus-16", 0.63, 0.55),
                      ("patterns-corpus-17", 0.55, 0.5), ("patterns-corpus-18", 0.57, 0.6),
                      ("patterns-corpus-19", 0.6, 0.65), ("patterns-corpus-20", 0.72, 0.9),
                      ("patterns-corpus-21", 0.51, 0.45), ("patterns-corpus-22", 0.42, 0.45),
                      ("patterns-corpus-23", 0.75, 0.75), ("patterns-corpus-24", 0.72, 0.8),
                      ("patterns-corpus-25", 0.59, 0.5), ("patterns-corpus-26", 0.65, 0.7),
                      ("patterns-corpus-27", 0.75, 0.7), ("patterns-corpus-28", 0.89, 0.95),
                      ("patterns-corpus-29", 0.43, 0.4), ("patterns-corpus-30", 0.61, 0.65)])
    func laterCorporaKeepWhatWasReached(fixture: String, f1: Double, recurrences: Double) throws {
        let result = try evaluate(fixture)
        #expect(result.f1 >= f1)
        #expect(result.recurrences >= recurrences)
    }

    @Test func samplesShowThreeClustersAndRecurrenceDespiteOpenItems() throws {
        let (text, json) = try report(in: CLI.packageRoot)
        let clusters = (json["clusters"] as! [[String: Any]]).map { $0["members"] as! [String] }
        #expect(Set(clusters.map { $0 }) == [["PM-2024-002", "PM-2025-001", "PM-2026-003"],
                                              ["PM-2024-004", "PM-2025-003", "PM-2025-005"],
                                              ["PM-2024-006", "PM-2026-004"]])
        let recurrences = json["recurrences"] as! [[String: Any]]
        #expect(recurrences.contains { $0["later"] as? String == "PM-2025-003" && $0["earlier"] as? String == "PM-2024-004" && $0["state"] as? String == "open" })
        // Same input, same bytes.
        #expect(try report(in: CLI.packageRoot).text == text)
        let similar = json["similar"] as! [String: [[String: Any]]]
        #expect(similar["PM-2025-001"]?.first?["id"] as? String != nil)
    }

    /// With git history, an earlier incident's action item is dated by the
    /// commit that marked it done: before the recurrence it is "done-before"
    /// (done, and the problem came back), after it the item was open then.
    @Test func gitHistoryDatesWhenAnEarlierItemWasMarkedDone() throws {
        let repo = try TemporaryRepository()
        let items = """
            | Compare query plans in CI | @alice | P1 | 2025-04-30 | STATUS1 |
            | Alert on pool saturation | @alice | P2 | 2025-05-30 | STATUS2 |
            """
        func earlier(_ first: String, _ second: String) -> String {
            cleanPostmortem(id: "PM-2025-001").replacingOccurrences(of: "| Compare query plans in CI | @alice | P1 | 2025-04-30 | done |",
                                                                  with: items.replacingOccurrences(of: "STATUS1", with: first)
                                                                    .replacingOccurrences(of: "STATUS2", with: second))
        }
        try repo.write("postmortems/2025-03-14-pool.md", earlier("open", "open"))
        try repo.initialCommit(date: "2025-03-15T12:00:00Z")
        try repo.write("postmortems/2025-03-14-pool.md", earlier("done", "open"))
        try repo.git(["commit", "-qam", "Query plans are compared"], date: "2025-04-01T12:00:00Z")
        // The same problem again on 2025-06-01, told the same way.
        try repo.write("postmortems/2025-06-01-pool.md",
                       cleanPostmortem(id: "PM-2025-002").replacingOccurrences(of: "2025-03-14", with: "2025-06-01"))
        try repo.git(["add", "-A"], date: "2025-06-02T12:00:00Z")
        try repo.git(["commit", "-qm", "The pool ran out again"], date: "2025-06-02T12:00:00Z")
        try repo.write("postmortems/2025-03-14-pool.md", earlier("done", "done"))
        try repo.git(["commit", "-qam", "Pool saturation alerts"], date: "2025-07-01T12:00:00Z")

        let result = try CLI.run(["patterns", "--format", "json", "--today", "2025-08-01"], in: repo.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clusters = (json["clusters"] as! [[String: Any]]).map { $0["members"] as! [String] }
        #expect(clusters == [["PM-2025-001", "PM-2025-002"]])
        let records = (json["recurrences"] as! [[String: Any]]).filter { $0["later"] as? String == "PM-2025-002" }
        func record(_ action: String) -> [String: Any]? { records.first { $0["action"] as? String == action } }
        let plans = try #require(record("Compare query plans in CI"))
        #expect(plans["state"] as? String == "done-before")
        #expect(plans["basis"] as? String == "git history")
        #expect(plans["done_at"] as? String == "2025-04-01")
        let alerts = try #require(record("Alert on pool saturation"))
        #expect(alerts["state"] as? String == "open")
        #expect(alerts["basis"] as? String == "git history")
        #expect(alerts["done_at"] as? String == "2025-07-01")
    }

    @Test func textAndMarkdownFormats() throws {
        let text = try CLI.run(["patterns", "--today", "2026-11-28"], in: CLI.packageRoot)
        #expect(text.stdout.contains("3 recurring clusters"))
        #expect(text.stdout.contains("CL-PM-2024-002"))
        let markdown = try CLI.run(["patterns", "--format", "markdown", "--today", "2026-11-28"], in: CLI.packageRoot)
        #expect(markdown.stdout.hasPrefix("# Recurring patterns"))
        #expect(markdown.stdout.contains("## Recurrence despite action items"))
    }
}

struct PatternsInTheSiteTests {
    @Test func siteHasAPatternsPageChartsAndSimilarIncidents() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("patterns-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["build", "--out", out.path, "--today", "2026-11-28", "--no-cache"], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("patterns.html"), encoding: .utf8)
        #expect(page.contains("id=\"CL-PM-2024-002\""))
        #expect(page.contains("Recurrence despite action items"))
        #expect(page.contains("open when it recurred"))
        #expect(page.components(separatedBy: "<svg class=\"chart\"").count - 1 == 2)
        #expect(!page.contains("<script>"))
        let member = try String(contentsOf: out.appendingPathComponent("postmortems/PM-2025-001.html"), encoding: .utf8)
        #expect(member.contains("Similar incidents"))
        #expect(member.contains("PM-2024-002.html"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("patterns.json"))) as! [String: Any]
        #expect((json["clusters"] as! [Any]).count == 3)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"patterns.html\""))
    }
}

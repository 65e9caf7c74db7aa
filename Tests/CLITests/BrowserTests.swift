import Foundation
import Testing
@testable import PostmortemKit

/// The sample site in headless Chromium from file://: search, filters, and
/// no script errors. Skipped only when chromium is not installed.
@Suite(.enabled(if: Browser.isAvailable, "chromium is not installed (apt-get install chromium); browser tests skipped"),
       .serialized)
struct BrowserTests {
    /// The sample site, built once for the suite.
    static let site: URL = FileManager.default.temporaryDirectory.appendingPathComponent("postmortem-browser-\(ProcessInfo.processInfo.processIdentifier)/_site")
    /// Builds the sample site once; nil when it built, else the reason.
    static let buildProblem: String? = {
        let result = try? CLI.run(["build", "--out", site.path, "--today", "2026-11-01", "--drafts", "--no-cache"], in: CLI.packageRoot)
        return result?.status == 0 ? nil : "the sample site did not build: \(result?.stderr ?? "could not run the binary")"
    }()

    init() throws {
        if let problem = BrowserTests.buildProblem { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: problem]) }
    }

    func search(_ query: String) throws -> Browser.Page {
        try Browser.load("file://\(BrowserTests.site.path)/search.html?\(query)")
    }

    @Test(arguments: [
        ("q=certificate", ["PM-2024-002", "PM-2025-001", "PM-2026-003"]),
        ("q=certif", ["PM-2024-002", "PM-2025-001", "PM-2026-003"]),
        ("q=kafka%20rebalancing", ["PM-2024-006", "PM-2026-004"]),
        ("q=connection%20pools", ["PM-2024-004"]),
    ])
    func searchFindsTheRightIncidentsFirst(query: String, expectedFirst: [String]) throws {
        let page = try search(query)
        #expect(page.scriptErrors.isEmpty, "\(page.scriptErrors)")
        #expect(page.attribute("data-search") == "done")
        let top = Array(page.resultIDs.prefix(expectedFirst.count))
        #expect(Set(top) == Set(expectedFirst), "\(query): \(page.resultIDs)")
        #expect(page.dom.contains("<mark>"), "snippets are highlighted")
    }

    @Test func filtersNarrowResults() throws {
        let all = try search("q=checkout")
        let narrowed = try search("q=checkout&severity=sev1")
        #expect(all.resultIDs.count > narrowed.resultIDs.count)
        #expect(!narrowed.resultIDs.isEmpty)
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: BrowserTests.site.appendingPathComponent("index.json"))) as! [String: Any]
        let severities = Dictionary(uniqueKeysWithValues: (index["postmortems"] as! [[String: Any]]).map {
            ($0["id"] as! String, ($0["front_matter"] as! [String: Any])["severity"] as! String)
        })
        #expect(narrowed.resultIDs.allSatisfy { severities[$0] == "SEV1" })

        let facetsOnly = try search("service=orders-db&year=2025")
        #expect(facetsOnly.resultIDs == ["PM-2025-005", "PM-2025-003"], "newest first: \(facetsOnly.resultIDs)")
        let factor = try search("q=&factor=certificate-expiry")
        #expect(factor.resultIDs.contains("PM-2024-002"))
        let nothing = try search("q=zzqqxxnotaword")
        #expect(nothing.attribute("data-results") == "0")
    }

    @Test func pagesLoadWithoutScriptErrors() throws {
        for path in ["index.html?severity=SEV2", "actions.html", "postmortems/PM-2024-004.html", "services/checkout-api.html",
                     "browse/year-2025.html", "search.html"] {
            let page = try Browser.load("file://\(BrowserTests.site.path)/\(path)")
            #expect(page.scriptErrors.isEmpty, "\(path): \(page.scriptErrors)")
            #expect(page.attribute("data-js") == "ready", "\(path): the script ran")
        }
        let index = try Browser.load("file://\(BrowserTests.site.path)/index.html?severity=SEV1")
        let visibleRows = index.dom.components(separatedBy: "<tr data-severity=").dropFirst().filter { !($0.split(separator: ">", maxSplits: 1).first ?? "").contains("hidden") }
        #expect(visibleRows.count == 2, "the severity filter from the URL hides other rows")
    }

    @Test func javaScriptStemmerMatchesSwift() throws {
        var words = PorterStemmerTestsWords.list
        for file in try FileManager.default.subpathsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("postmortems").path)
        where file.hasSuffix(".md") {
            let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("postmortems/\(file)"), encoding: .utf8)
            words += SearchTokenizer.words(text)
        }
        let unique = Array(Set(words)).sorted()
        let lines = try outputOfSiteScript(named: "stem", "var words = \(JSONValue.array(unique.map { .string($0) }).jsonString());\n" +
            "document.getElementById('out').textContent = words.map(function (w) { return w + ' ' + PM_STEM(w); }).join('\\n');\n")
        #expect(lines.count == unique.count)
        var mismatches: [String] = []
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1).map { String($0).replacingOccurrences(of: "&amp;", with: "&") }
            if parts.count == 2, PorterStemmer.stem(parts[0]) != parts[1] { mismatches.append("\(parts[0]): swift \(PorterStemmer.stem(parts[0])), js \(parts[1])") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func javaScriptPostingDecoderMatchesSwift() throws {
        // Deltas and weights around every digit and inline-weight boundary.
        let cases: [[(document: Int, weight: Int)]] = [[], [(0, 1)], [(0, 7), (1, 8), (2, 9), (3, 99)],
            [(3, 1), (4, 2), (35, 40), (1_059, 8), (33_827, 99), (1_082_400, 1)],
            (0..<300).map { ($0 * 3, $0 % 99 + 1) }]
        let encoded = cases.map { PostingCoder.encode($0) }
        let lines = try outputOfSiteScript(named: "decode", "var texts = \(JSONValue.array(encoded.map { .string($0) }).jsonString());\n" +
            "document.getElementById('out').textContent = texts.map(function (t) { return PM_DECODE(t).join(','); }).join('\\n');\n")
        #expect(lines == cases.map { $0.flatMap { [$0.document, $0.weight] }.map(String.init).joined(separator: ",") })
    }

    /// Runs `script` after the site's own `site.js` on a blank page, and
    /// returns the lines it wrote into `<pre id=out>`: how tests call the
    /// browser's copies of Swift code.
    func outputOfSiteScript(named name: String, _ script: String) throws -> [String] {
        let folder = BrowserTests.site.deletingLastPathComponent()
        try Data("<!doctype html><meta charset=utf-8><pre id=out></pre><script src=\"_site/assets/site.js\"></script><script src=\"\(name).js\"></script>".utf8)
            .write(to: folder.appendingPathComponent("\(name).html"))
        try Data(script.utf8).write(to: folder.appendingPathComponent("\(name).js"))
        let page = try Browser.load("file://\(folder.path)/\(name).html")
        guard let start = page.dom.range(of: "<pre id=\"out\">"), let end = page.dom.range(of: "</pre>", range: start.upperBound..<page.dom.endIndex) else {
            Issue.record("no output: \(page.log.suffix(500))")
            return []
        }
        return page.dom[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Words that exercise every step of the stemmer.
enum PorterStemmerTestsWords {
    static let list = ["caresses", "ponies", "agreed", "disabled", "matting", "mating", "hopping", "filing", "happy",
                       "relational", "conditional", "valenci", "digitizer", "conformabli", "radicalli", "vileli",
                       "vietnamization", "feudalism", "decisiveness", "formaliti", "sensibiliti", "triplicate",
                       "formative", "electrical", "hopeful", "goodness", "allowance", "airliner", "gyroscopic",
                       "adjustable", "irritant", "replacement", "adoption", "homologou", "communism", "activate",
                       "bowdlerize", "controll", "generalizations", "oscillators", "archaeology", "ies", "sses", "ying"]
}

import Foundation

/// Builds the site's search index as JavaScript files that register
/// themselves with `window.PM_SEARCH`, so that the search page works from
/// `file://` (no `fetch`, no WebAssembly): every file is loaded with a
/// `<script>` element, the term shards only when a query needs them.
///
/// Files (all under `search/`; the README's "Search index format" section
/// is the reference):
/// - `meta.js` — `PM_SEARCH.meta({...})`, always loaded: version, document
///   count, shard prefix length and the list of shard keys, the stop words
///   and the facet values.
/// - `facets.js` — `PM_SEARCH.facets([...])`, loaded when a filter is set:
///   per document the indexes of its facet values.
/// - `terms.js` (prefix length 0) or `t-<key>.js` — `PM_SEARCH.terms(key,
///   {term: [doc, weight, doc, weight, ...]})`: postings with doc numbers
///   delta-encoded, terms sorted. Weights add up per occurrence: title ×3,
///   summary, tags, services and factors ×2, body ×1, capped at 99.
/// - `d/<n>.js` — `PM_SEARCH.doc(n, {...})`: what a result shows (id, title,
///   severity, date, url, services, status) and the text snippets are cut
///   from, loaded only for the results on screen.
///
/// Shards are keyed by the first `prefixLength` characters of the term; the
/// length is the smallest of 0…3 that keeps every shard under
/// `targetShardBytes`, so a small repository ships one file and a large one
/// loads only the shards its query words fall in. Output is deterministic:
/// terms, shards and facet values are sorted, documents keep their order.
public struct SearchIndexBuilder: Sendable {
    public static let formatVersion = 1
    /// Largest shard wanted before the prefix gets longer.
    public var targetShardBytes = 96 * 1024
    /// Characters of body text kept per document for snippets.
    public var snippetCharacters = 1_600
    public var workers: Int

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = workers
    }

    /// The built index: files relative to the site root, and figures for reports.
    public struct Output: Sendable {
        public var files: [SiteFile]
        public var prefixLength: Int
        public var shardCount: Int
        public var termCount: Int
        public var metaBytes: Int
        public var totalBytes: Int
    }

    static let titleWeight = 3, summaryWeight = 2, bodyWeight = 1, maximumWeight = 99

    public func build(_ documents: [SearchDocument]) -> Output {
        // Term weights per document, in parallel.
        let perDocument: [[String: Int]] = ParallelMap.map(documents, workers: workers) { document in
            var weights: [String: Int] = [:]
            func add(_ text: String, _ weight: Int) {
                SearchTokenizer.forEachTerm(in: text) { weights[$0, default: 0] += weight }
            }
            add(document.title + " " + document.id, SearchIndexBuilder.titleWeight)
            add(([document.summary] + document.tags + document.services + document.factors).joined(separator: " "),
                SearchIndexBuilder.summaryWeight)
            add(document.body, SearchIndexBuilder.bodyWeight)
            return weights.mapValues { min($0, SearchIndexBuilder.maximumWeight) }
        }
        // Postings in document order.
        var postings: [String: [(Int, Int)]] = [:]
        for (number, weights) in perDocument.enumerated() {
            for (term, weight) in weights { postings[term, default: []].append((number, weight)) }
        }
        let terms = postings.keys.sorted()
        var encoded: [String: String] = [:]
        encoded.reserveCapacity(terms.count)
        for term in terms {
            var text = ""
            var previous = 0
            for (index, (number, weight)) in postings[term]!.enumerated() {
                if index > 0 { text += "," }
                text += String(number - previous) + "," + String(weight)
                previous = number
            }
            var key = ""
            JSONValue.writeEscaped(term, to: &key)
            encoded[term] = key + ":[" + text + "]"
        }

        // The shortest prefix that keeps shards small.
        var prefixLength = 0
        var shards: [String: [String]] = [:]
        for length in 0...3 {
            prefixLength = length
            shards = Dictionary(grouping: terms) { SearchIndexBuilder.shardKey(of: $0, length: length) }
            let largest = shards.values.map { $0.reduce(0) { $0 + encoded[$1]!.utf8.count + 1 } }.max() ?? 0
            if largest <= targetShardBytes { break }
        }

        var files: [SiteFile] = []
        let keys = shards.keys.sorted()
        for key in keys {
            let body = shards[key]!.map { encoded[$0]! }.joined(separator: ",\n")
            var name = ""
            JSONValue.writeEscaped(key, to: &name)
            files.append(SiteFile(path: SearchIndexBuilder.shardPath(key: key, length: prefixLength),
                                  text: "PM_SEARCH.terms(\(name), {\n\(body)\n});\n"))
        }

        let metaFiles = metaFiles(documents, prefixLength: prefixLength, shardKeys: keys)
        let meta = metaFiles[0]
        files += metaFiles
        files += ParallelMap.map(Array(documents.enumerated()), workers: workers) { number, document in
            documentFile(number, document)
        }
        files.sort { $0.path < $1.path }
        return Output(files: files, prefixLength: prefixLength, shardCount: keys.count, termCount: terms.count,
                      metaBytes: meta.contents.count, totalBytes: files.reduce(0) { $0 + $1.contents.count })
    }

    /// The shard a term lives in: its first `length` characters, with any
    /// character outside a–z and 0–9 written as `_` (so keys are file-name safe).
    public static func shardKey(of term: String, length: Int) -> String {
        var key = ""
        for scalar in term.unicodeScalars.prefix(length) {
            let plain = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            key.unicodeScalars.append(plain ? scalar : "_")
        }
        return key
    }

    static func shardPath(key: String, length: Int) -> String {
        length == 0 ? "search/terms.js" : "search/t-\(key).js"
    }

    private func metaFiles(_ documents: [SearchDocument], prefixLength: Int, shardKeys: [String]) -> [SiteFile] {
        func values(_ pick: (SearchDocument) -> [String]) -> [String] {
            Array(Set(documents.flatMap(pick))).sorted()
        }
        let severities = values { [$0.severity] }
        let services = values(\.services)
        let years = values { [$0.year] }.sorted(by: >)
        let statuses = values { [$0.status] }
        let factors = values(\.factors)
        func indexes(_ all: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        }
        let severityIndex = indexes(severities), serviceIndex = indexes(services), yearIndex = indexes(years)
        let statusIndex = indexes(statuses), factorIndex = indexes(factors)
        let rows: [JSONValue] = documents.map { document in
            .array([
                .integer(severityIndex[document.severity]!),
                .array(document.services.compactMap { serviceIndex[$0] }.sorted().map { .integer($0) }),
                .integer(yearIndex[document.year]!),
                .integer(statusIndex[document.status]!),
                .array(document.factors.compactMap { factorIndex[$0] }.sorted().map { .integer($0) }),
            ])
        }
        let meta: JSONValue = .object([
            "version": .integer(SearchIndexBuilder.formatVersion),
            "count": .integer(documents.count),
            "prefix": .integer(prefixLength),
            "shards": .array(shardKeys.map { .string($0) }),
            "stopwords": .array(SearchTokenizer.stopWords.sorted().map { .string($0) }),
            "facets": .object([
                "severity": .array(severities.map { .string($0) }),
                "service": .array(services.map { .string($0) }),
                "year": .array(years.map { .string($0) }),
                "status": .array(statuses.map { .string($0) }),
                "factor": .array(factors.map { .string($0) }),
            ]),
        ])
        // Per document: severity, [services], year, status, [factors] as indexes
        // into the facet values; only a filtered search needs it, so it is apart.
        let facets = SiteFile(path: "search/facets.js", text: "PM_SEARCH.facets(\(JSONValue.array(rows).jsonString()));\n")
        return [SiteFile(path: "search/meta.js", text: "PM_SEARCH.meta(\(meta.jsonString()));\n"), facets]
    }

    private func documentFile(_ number: Int, _ document: SearchDocument) -> SiteFile {
        let summary = SearchIndexBuilder.clip(document.summary, to: snippetCharacters)
        let body = SearchIndexBuilder.clip(document.body, to: max(0, snippetCharacters - summary.unicodeScalars.count))
        let value: JSONValue = .object([
            "id": .string(document.id),
            "title": .string(document.title),
            "severity": .string(document.severity),
            "date": .string(document.date),
            "status": .string(document.status),
            "services": .array(document.services.map { .string($0) }),
            "url": .string(document.url),
            "summary": .string(summary),
            "text": .string(body),
        ])
        return SiteFile(path: "search/d/\(number).js", text: "PM_SEARCH.doc(\(number), \(value.jsonString()));\n")
    }

    /// At most `limit` Unicode scalars of `text` with runs of whitespace
    /// collapsed to one space, cut at a space and marked with " …" when cut.
    /// Reads only as far as it keeps: bodies can be long.
    static func clip(_ text: String, to limit: Int) -> String {
        var out = String.UnicodeScalarView()
        var count = 0, pendingSpace = false, truncated = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 128 ? (value == 32 || (value >= 9 && value <= 13)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count + (pendingSpace ? 1 : 0) >= limit {
                truncated = true
                break
            }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(scalar)
            count += 1
        }
        guard truncated else { return String(out) }
        if let space = out.lastIndex(of: " ") { out = String.UnicodeScalarView(out[..<space]) }
        return String(out) + " …"
    }
}

import Foundation

/// Builds the site's search index as JavaScript files that register
/// themselves with `window.PM_SEARCH`, so that the search page works from
/// `file://` (no `fetch`, no WebAssembly): every file is loaded with a
/// `<script>` element, the term shards and document blocks only when a query
/// needs them.
///
/// Files (all under `search/`; the README's "Search index format" section
/// is the reference):
/// - `meta.js` — `PM_SEARCH.meta({...})`, always loaded: version, document
///   count, longest shard key, the shard keys, documents per block, the stop
///   words and the facet values.
/// - `facets.js` — `PM_SEARCH.facets([...])`, loaded when a filter is set:
///   per document the indexes of its facet values.
/// - `terms.js` (one shard, key "") or `t-<key>.js` — `PM_SEARCH.terms(key,
///   {term: "postings"})`, terms sorted, postings as `PostingCoder` writes
///   them. Weights add up per occurrence: title ×3, summary, tags, services
///   and factors ×2, body ×1, capped at 99.
/// - `d/<b>.js` — `PM_SEARCH.docs(b, [...])`: for the `documentsPerBlock`
///   documents from number b × documentsPerBlock on, what a result shows and
///   the text its snippet is cut from; loaded only for the results on screen.
///
/// All terms start in one shard (key ""); a shard over `targetShardBytes` is
/// split by one more character of its terms, up to three, and a term's shard
/// is the longest key that begins its first three characters. So a small
/// repository ships one file, 10,000 postmortems about a hundred, and a query
/// loads only the shards its words fall in. Documents come in blocks because ten thousand
/// files of a kilobyte each cost more on disk (and in a copy) than their bytes.
/// Output is deterministic: terms, shards and facet values are sorted,
/// documents keep their order.
public struct SearchIndexBuilder: Sendable {
    public static let formatVersion = 2
    /// Largest shard wanted before its key gets longer.
    public var targetShardBytes = 96 * 1024
    /// Longest shard key, in characters.
    public static let maximumKeyLength = 3
    /// Characters of summary and opening body text kept per document for
    /// snippets: the summary is usually all a snippet needs, and this text is
    /// most of the index's bytes.
    public var snippetCharacters = 640
    /// Documents per `d/<b>.js` file. A page of 20 results scattered over the
    /// repository loads up to 20 blocks, so this trades file count against
    /// the bytes a query loads.
    public var documentsPerBlock = 16
    public var workers: Int
    /// Terms of documents counted by an earlier build, by their files' blob
    /// ids (the site's build sets it); `build` saves it.
    var termCache: TermCache?

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.workers = workers
    }

    /// The built index: files relative to the site root, and figures for reports.
    public struct Output: Sendable {
        public var files: [SiteFile]
        public var shardKeys: [String]
        public var blockCount: Int
        public var termCount: Int
        public var metaBytes: Int
        public var totalBytes: Int
    }

    static let titleWeight = 3, summaryWeight = 2, bodyWeight = 1, maximumWeight = 99

    public func build(_ documents: [SearchDocument]) -> Output {
        // The cache is saved as the terms are counted (`postings`).
        let (terms, postings) = SearchIndexBuilder.postings(documents, workers: workers, cache: termCache)
        // One line per term, `"term":"postings"`, encoded in parallel.
        let lines: [String] = Array(ParallelMap.inChunks(terms.count, chunk: 512, workers: workers) { range in
            range.map { term in
                var line = ""
                JSONValue.writeEscaped(terms[term], to: &line)
                return line + ":\"" + PostingCoder.encode(postings[term]) + "\""
            }
        }.joined())
        let encoded = Dictionary(uniqueKeysWithValues: zip(terms, lines))

        var files: [SiteFile] = []
        let shards = SearchIndexBuilder.shards(terms, target: targetShardBytes) { encoded[$0]!.utf8.count + 2 }
        for (key, members) in shards {
            var name = ""
            JSONValue.writeEscaped(key, to: &name)
            let body = members.map { encoded[$0]! }.joined(separator: ",\n")
            files.append(SiteFile(path: SearchIndexBuilder.shardPath(key: key),
                                  text: "PM_SEARCH.terms(\(name), {\n\(body)\n});\n"))
        }

        let facets = Facets(documents)
        let meta = metaFile(documents, facets: facets, shardKeys: shards.map(\.key))
        files.append(meta)
        files.append(facetsFile(documents, facets: facets))
        let blocks = stride(from: 0, to: documents.count, by: documentsPerBlock).map { $0 / documentsPerBlock }
        files += ParallelMap.map(blocks, workers: workers) { block in
            blockFile(block, documents, facets: facets)
        }
        files.sort { $0.path < $1.path }
        return Output(files: files, shardKeys: shards.map(\.key), blockCount: blocks.count, termCount: terms.count,
                      metaBytes: meta.contents.count, totalBytes: files.reduce(0) { $0 + $1.contents.count })
    }

    /// The sorted terms of `documents` and, per term, its postings in
    /// document order with their weights: title ×3, summary, tags, services
    /// and factors ×2, body ×1, summed per document and capped at 99.
    ///
    /// Documents are tokenised in parallel runs of 64 that share a
    /// `SearchTermTable`; the runs' term numbers are then mapped to the
    /// sorted terms, and postings laid out with one count and one fill pass.
    /// With a `cache`, the terms of documents it holds are read from it
    /// (numbered by its words) instead, and those counted are added to it
    /// and saved.
    static func postings(_ documents: [SearchDocument], workers: Int,
                         cache: TermCache? = nil) -> (terms: [String], postings: PostingLists) {
        let run = 64
        // Each document's terms, counted (numbered in its run's table) or cached.
        var runs: [(terms: [String], documents: [CountedOrCached<[(term: Int32, weight: Int32)]>])] =
            ParallelMap.inChunks(documents.count, chunk: run, workers: workers) { range in
                var table = SearchTermTable()
                let perDocument = documents[range].map { document -> CountedOrCached<[(term: Int32, weight: Int32)]> in
                    let key = cache?.key(contentID: document.contentID)
                    if let key, let cached = cache?.terms(for: key) { return .cached(cached) }
                    table.add(document.title + " " + document.id, weight: titleWeight)
                    table.add(([document.summary] + document.tags + document.services + document.factors).joined(separator: " "),
                              weight: summaryWeight)
                    table.add(document.body, weight: bodyWeight)
                    let counted = table.takeDocument().map { (term: $0.term, weight: Int32(min($0.weight, maximumWeight))) }
                    if let key { cache?.store(counted.map { (table.terms[Int($0.term)], Double($0.weight)) }, for: key) }
                    return .counted(counted)
                }
                return (table.terms, perDocument)
            }
        // Every counted term is in the cache now: written and released
        // before the postings are laid out, so the two are never held together.
        cache?.save()
        // Every term: those the runs counted and the cache's words that documents read from it use.
        let cacheWords = cache?.words ?? []
        var usesCacheWord = [Bool](repeating: false, count: cacheWords.count)
        for run in runs {
            for case .cached(let entries) in run.documents { for entry in entries { usesCacheWord[Int(entry.word)] = true } }
        }
        var distinct = Set(runs.flatMap(\.terms))
        for word in cacheWords.indices where usesCacheWord[word] { distinct.insert(cacheWords[word]) }
        let terms = Array(distinct).sorted()
        let number = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })
        let globalOf: [[Int32]] = runs.map { run in run.terms.map { number[$0]! } }
        let globalOfCacheWord: [Int32] = cacheWords.indices.map { usesCacheWord[$0] ? number[cacheWords[$0]]! : -1 }
        // Counted, then filled, with the loops written out: a closure over
        // `counts` or `postings` would check exclusive access on every entry.
        var counts = [Int](repeating: 0, count: terms.count)
        for (index, run) in runs.enumerated() {
            for document in run.documents {
                switch document {
                case .counted(let entries): for entry in entries { counts[Int(globalOf[index][Int(entry.term)])] += 1 }
                case .cached(let entries): for entry in entries { counts[Int(globalOfCacheWord[Int(entry.word)])] += 1 }
                }
            }
        }
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in counts.indices { starts[term + 1] = starts[term] + counts[term] }
        // Where each term's next posting goes.
        var next = starts
        let entries = [(document: Int32, weight: Int32)](unsafeUninitializedCapacity: starts[terms.count]) { buffer, initialized in
            var document: Int32 = 0
            for index in runs.indices {
                for entries in runs[index].documents {
                    switch entries {
                    case .counted(let entries):
                        for entry in entries {
                            let term = Int(globalOf[index][Int(entry.term)])
                            (buffer.baseAddress! + next[term]).initialize(to: (document, entry.weight))
                            next[term] += 1
                        }
                    case .cached(let entries):
                        for entry in entries {
                            let term = Int(globalOfCacheWord[Int(entry.word)])
                            (buffer.baseAddress! + next[term]).initialize(to: (document, Int32(entry.weight)))
                            next[term] += 1
                        }
                    }
                    document += 1
                }
                // Each run is let go once laid out.
                runs[index].documents = []
            }
            // Every slot was counted above, so every one is filled.
            initialized = starts[terms.count]
        }
        return (terms, PostingLists(entries: entries, starts: starts))
    }

    /// Every term's postings, in document order: one array, term after term,
    /// and where each term's postings begin. Appending to one array per term checked
    /// that array's uniqueness at every posting.
    struct PostingLists: RandomAccessCollection {
        let entries: [(document: Int32, weight: Int32)]
        /// Term n's postings are `entries[starts[n]..<starts[n + 1]]`.
        let starts: [Int]

        var startIndex: Int { 0 }
        var endIndex: Int { starts.count - 1 }
        subscript(term: Int) -> ArraySlice<(document: Int32, weight: Int32)> { entries[starts[term]..<starts[term + 1]] }
    }

    /// The term shards: `terms` (sorted) grouped under keys, each key's group
    /// split by one more character while it weighs over `targetShardBytes`
    /// and the key is shorter than `maximumKeyLength`. Terms too short to
    /// split further stay under their own key. Keys come out sorted, terms
    /// sorted within a shard.
    static func shards(_ terms: [String], target: Int,
                       size: (String) -> Int) -> [(key: String, terms: [String])] {
        var result: [(key: String, terms: [String])] = []
        func split(_ group: [String], key: String) {
            let keyLength = key.unicodeScalars.count
            if keyLength >= maximumKeyLength || group.reduce(0, { $0 + size($1) }) <= target {
                result.append((key, group))
                return
            }
            let subgroups = Dictionary(grouping: group) { shardKey(of: $0, length: keyLength + 1) }
            for subkey in subgroups.keys.sorted() {
                if subkey == key { result.append((key, subgroups[subkey]!)) } else { split(subgroups[subkey]!, key: subkey) }
            }
        }
        if !terms.isEmpty { split(terms, key: "") }
        return result.sorted { $0.key < $1.key }
    }

    /// The first `length` characters of a term, with any character outside
    /// a–z and 0–9 written as `_` (so keys are file-name safe).
    public static func shardKey(of term: String, length: Int) -> String {
        var key = ""
        for scalar in term.unicodeScalars.prefix(length) {
            let plain = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            key.unicodeScalars.append(plain ? scalar : "_")
        }
        return key
    }

    /// The key of the shard holding `term`: the longest of `keys` that begins
    /// the term's own key (the browser looks terms up the same way).
    static func shard(of term: String, in keys: Set<String>) -> String? {
        var key = shardKey(of: term, length: maximumKeyLength)
        while true {
            if keys.contains(key) { return key }
            if key.isEmpty { return nil }
            key.removeLast()
        }
    }

    static func shardPath(key: String) -> String {
        key.isEmpty ? "search/terms.js" : "search/t-\(key).js"
    }

    /// The sorted values of each facet and their positions.
    struct Facets {
        var severities: [String], services: [String], years: [String], statuses: [String], factors: [String]
        var severity: [String: Int], service: [String: Int], year: [String: Int], status: [String: Int], factor: [String: Int]

        init(_ documents: [SearchDocument]) {
            func values(_ pick: (SearchDocument) -> [String]) -> [String] {
                Array(Set(documents.flatMap(pick))).sorted()
            }
            func indexes(_ all: [String]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
            }
            severities = values { [$0.severity] }
            services = values(\.services)
            years = values { [$0.year] }.sorted(by: >)
            statuses = values { [$0.status] }
            factors = values(\.factors)
            severity = indexes(severities)
            service = indexes(services)
            year = indexes(years)
            status = indexes(statuses)
            factor = indexes(factors)
        }
    }

    private func metaFile(_ documents: [SearchDocument], facets: Facets, shardKeys: [String]) -> SiteFile {
        let meta: JSONValue = .object([
            "version": .integer(SearchIndexBuilder.formatVersion),
            "count": .integer(documents.count),
            "prefix": .integer(SearchIndexBuilder.maximumKeyLength),
            "shards": .array(shardKeys.map { .string($0) }),
            "block": .integer(documentsPerBlock),
            "stopwords": .array(SearchTokenizer.stopWords.sorted().map { .string($0) }),
            "facets": .object([
                "severity": .array(facets.severities.map { .string($0) }),
                "service": .array(facets.services.map { .string($0) }),
                "year": .array(facets.years.map { .string($0) }),
                "status": .array(facets.statuses.map { .string($0) }),
                "factor": .array(facets.factors.map { .string($0) }),
            ]),
        ])
        return SiteFile(path: "search/meta.js", text: "PM_SEARCH.meta(\(meta.jsonString()));\n")
    }

    /// Per document: severity, [services], year, status, [factors] as indexes
    /// into the facet values; only a filtered search needs it, so it is apart.
    private func facetsFile(_ documents: [SearchDocument], facets: Facets) -> SiteFile {
        let rows: [JSONValue] = documents.map { document in
            .array([
                .integer(facets.severity[document.severity]!),
                .array(document.services.compactMap { facets.service[$0] }.sorted().map { .integer($0) }),
                .integer(facets.year[document.year]!),
                .integer(facets.status[document.status]!),
                .array(document.factors.compactMap { facets.factor[$0] }.sorted().map { .integer($0) }),
            ])
        }
        return SiteFile(path: "search/facets.js", text: "PM_SEARCH.facets(\(JSONValue.array(rows).jsonString()));\n")
    }

    /// Block `block`: per document `[id, title, date, severity, [services],
    /// status, url, text]`, severity, services and status as indexes into the
    /// facet values (services in the document's order, as a result lists them).
    private func blockFile(_ block: Int, _ documents: [SearchDocument], facets: Facets) -> SiteFile {
        let first = block * documentsPerBlock
        let rows: [JSONValue] = documents[first..<min(first + documentsPerBlock, documents.count)].map { document in
            .array([
                .string(document.id),
                .string(document.title),
                .string(document.date),
                .integer(facets.severity[document.severity]!),
                .array(document.services.compactMap { facets.service[$0] }.map { .integer($0) }),
                .integer(facets.status[document.status]!),
                .string(document.url),
                .string(snippetText(document)),
            ])
        }
        let text = rows.map { $0.jsonString() }.joined(separator: ",\n")
        return SiteFile(path: "search/d/\(block).js", text: "PM_SEARCH.docs(\(block), [\n\(text)\n]);\n")
    }

    /// The summary, then as much of the body as fits in `snippetCharacters`
    /// (none when the summary alone was cut, or when too little room is left
    /// for a phrase).
    func snippetText(_ document: SearchDocument) -> String {
        if let snippet = document.snippet { return snippet }
        let (summary, cut) = SearchIndexBuilder.clipped(document.summary, to: snippetCharacters)
        let room = snippetCharacters - summary.unicodeScalars.count - 1
        guard !cut, room >= 40 else { return summary }
        let body = SearchIndexBuilder.clip(document.body, to: room)
        return summary.isEmpty ? body : body.isEmpty ? summary : summary + " " + body
    }

    /// At most `limit` Unicode scalars of `text` with runs of whitespace
    /// collapsed to one space, cut at a space and marked with " …" when cut.
    /// Reads only as far as it keeps: bodies can be long.
    static func clip(_ text: String, to limit: Int) -> String {
        clipped(text, to: limit).text
    }

    /// `clip`, and whether it cut the text. Works on UTF-8 bytes: a scalar
    /// is counted at its first byte, and only non-ASCII scalars are decoded
    /// (to ask whether they are whitespace).
    static func clipped(_ text: String, to limit: Int) -> (text: String, cut: Bool) {
        var text = text
        return text.withUTF8 { bytes -> (text: String, cut: Bool) in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit * 2))
            var count = 0, pendingSpace = false, truncated = false
            var lastSpace: Int?
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var end = index + 1
                let isSpace: Bool
                if byte < 0x80 {
                    isSpace = byte == 32 || (byte >= 9 && byte <= 13)
                } else {
                    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                    isSpace = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                        .unicodeScalars.first!.properties.isWhitespace
                }
                if isSpace {
                    pendingSpace = !out.isEmpty
                    index = end
                    continue
                }
                if count + (pendingSpace ? 1 : 0) >= limit {
                    truncated = true
                    break
                }
                if pendingSpace {
                    lastSpace = out.count
                    out.append(32)
                    count += 1
                    pendingSpace = false
                }
                // One byte appended as a byte: appending a one-byte slice cost a call per character.
                if end == index + 1 { out.append(byte) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end])) }
                count += 1
                index = end
            }
            guard truncated else { return (String(decoding: out, as: UTF8.self), false) }
            if let lastSpace { out.removeSubrange(lastSpace...) }
            return (String(decoding: out, as: UTF8.self) + " …", true)
        }
    }
}

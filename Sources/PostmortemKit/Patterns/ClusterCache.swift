import Foundation

/// The candidate pairs, their scores and the clusters of the last build's
/// patterns analysis (`.postmortem-cache/clusters.bin`), kept for the next
/// build when nothing those stages read has changed.
///
/// They read only the documents' vectors, structure and order: not today,
/// not the action items. So the first build of a new day and a build after
/// an action item's status or a timeline changed, the commonest edits of an
/// old postmortem, reuse them, and only the descriptions, recurrences and
/// trends are made again. Any change to the compared text moves every term
/// weight and so the key: such a build computes them afresh, as it should.
///
/// The key is a blob id over the tool's build, the thresholds and, for each
/// document in order, every field that `CandidateIndex`, `PairScorer` and
/// `PatternClusterer` read (`key(_:clusterThreshold:averageThreshold:)`),
/// weights by their bits. The file holds one entry, with a digest of its
/// bytes; a damaged file, or one whose pairs or members do not fit the
/// documents, is ignored.
final class ClusterCache: @unchecked Sendable {
    struct Entry: Sendable {
        var pairs: [CandidateIndex.Pair]
        /// Per pair: its text similarity and its score.
        var scored: [Scored]
        var clusters: [[Int]]
    }

    typealias Scored = (text: Double, score: Double)

    let file: URL
    private let stored: (key: String, entry: Entry)?
    private let lock = NSLock()
    private var made: (key: String, entry: Entry)?
    /// Whether this run took its clusters from the file (the tests read it).
    private(set) var reused = false

    static let header = "postmortem cluster cache 1\n"

    init(file: URL) {
        self.file = file
        stored = ClusterCache.read(file)
    }

    /// The entry stored under `key`, when it fits `documentCount` documents.
    func entry(for key: String, documentCount: Int) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let stored, stored.key == key, ClusterCache.fits(stored.entry, documentCount: documentCount) else { return nil }
        reused = true
        return stored.entry
    }

    func store(_ entry: Entry, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        made = (key, entry)
    }

    /// Writes the entry this run made, if any (atomically: a reader sees the
    /// old file or the new one), as the other cache files are written: with
    /// `PlainFileWriter`, which does not wait for the disk.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard let made, made.key != stored?.key else { return }
        try? PlainFileWriter.writeAtomically(Data(ClusterCache.bytes(made.key, made.entry)), to: file.path)
    }

    /// The key of the stages' inputs: see the type's comment.
    static func key(_ documents: [PatternDocument], clusterThreshold: Double, averageThreshold: Double) -> String {
        var out = ByteWriter()
        out.append(ToolBuild.identity)
        out.append(clusterThreshold.bitPattern)
        out.append(averageThreshold.bitPattern)
        out.append(UInt32(documents.count))
        // Vectors and lists of numbers go in as their memory, one copy
        // each: appended number by number, they took most of this
        // function's time. (A key is only ever compared with keys this
        // build of the tool made, so memory order is order enough.)
        func append(_ vector: SparseVector) {
            out.append(UInt32(vector.count))
            vector.withUnsafeBytes { out.bytes += $0 }
        }
        func append(_ numbers: [Int32]) {
            out.append(UInt32(numbers.count))
            numbers.withUnsafeBytes { out.bytes += $0 }
        }
        func append(_ strings: [String]) {
            out.append(UInt32(strings.count))
            for string in strings { out.append(string) }
        }
        documents.withUnsafeBufferPointer { documents in
            // Fields read in place: a document passed on or bound is copied.
            for index in documents.indices {
                out.append(documents[index].idRank)
                out.append(documents[index].started.secondsSince1970)
                out.append(documents[index].started.utcOffset)
                append(documents[index].vector)
                append(documents[index].wordSetTerms)
                append(documents[index].concepts)
                append(documents[index].failureModes)
                append(documents[index].factorIDs)
                append(documents[index].relatedDocuments)
                append(documents[index].mentionedDocuments)
                append(documents[index].services)
                append(documents[index].factors)
                append(documents[index].tags)
            }
        }
        return out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    private static func fits(_ entry: Entry, documentCount: Int) -> Bool {
        entry.pairs.count == entry.scored.count
            && entry.pairs.allSatisfy { $0.a >= 0 && $0.a < $0.b && Int($0.b) < documentCount }
            && entry.clusters.allSatisfy { $0.count >= 2 && $0.allSatisfy { (0..<documentCount).contains($0) } }
    }

    /// The file's bytes: the header, then the entry and the blob id of its bytes.
    static func bytes(_ key: String, _ entry: Entry) -> [UInt8] {
        var out = ByteWriter()
        out.append(key)
        out.append(UInt32(entry.pairs.count))
        for (pair, scored) in zip(entry.pairs, entry.scored) {
            out.append(pair.a)
            out.append(pair.b)
            out.append(scored.text.bitPattern)
            out.append(scored.score.bitPattern)
        }
        out.append(UInt32(entry.clusters.count))
        for cluster in entry.clusters {
            out.append(UInt32(cluster.count))
            for member in cluster { out.append(UInt32(member)) }
        }
        let digest = out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
        out.append(digest)
        return Array(header.utf8) + out.bytes
    }

    private static func read(_ file: URL) -> (key: String, entry: Entry)? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (key: String, entry: Entry)? in
            var reader = ByteReader(bytes: raw)
            guard reader.skip(header: Array(header.utf8)) else { return nil }
            let payloadStart = reader.offset
            guard let key = reader.string(), let pairCount = reader.count(minimumSize: 24) else { return nil }
            var pairs: [CandidateIndex.Pair] = []
            var scored: [Scored] = []
            pairs.reserveCapacity(pairCount)
            scored.reserveCapacity(pairCount)
            for _ in 0..<pairCount {
                let a = reader.integer(Int32.self)!, b = reader.integer(Int32.self)!
                let text = reader.integer(UInt64.self)!, score = reader.integer(UInt64.self)!
                pairs.append(CandidateIndex.Pair(a, b))
                scored.append((Double(bitPattern: text), Double(bitPattern: score)))
            }
            guard let clusterCount = reader.count(minimumSize: 4) else { return nil }
            var clusters: [[Int]] = []
            for _ in 0..<clusterCount {
                guard let memberCount = reader.count(minimumSize: 4) else { return nil }
                clusters.append((0..<memberCount).map { _ in Int(reader.integer(UInt32.self)!) })
            }
            let payload = UnsafeRawBufferPointer(rebasing: raw[payloadStart..<reader.offset])
            guard let digest = reader.string(), reader.remaining == 0, digest == GitRepository.blobID(of: payload) else { return nil }
            return (key, Entry(pairs: pairs, scored: scored, clusters: clusters))
        }
    }
}

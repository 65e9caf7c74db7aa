import Foundation

/// The candidate pairs, their scores and the clusters of the last build's
/// patterns analysis (`.postmortem-cache/clusters.bin`), kept for the next
/// build when nothing those stages read has changed.
///
/// They read only the documents' vectors, structure and order: not today,
/// not the action items. So the first build of a new day and a build after
/// an action item's status or a timeline changed, the commonest edits of an
/// old postmortem, reuse them, and only the descriptions, recurrences and
/// trends are made again (when nothing else the analysis reads changed
/// either, `ReportCache` holds those too). Any change to the compared text moves every term
/// weight and so the key: such a build computes them afresh, as it should.
///
/// The key is a blob id over the tool's build, the thresholds and, for each
/// document in order, every field that `CandidateIndex`, `PairScorer` and
/// `PatternClusterer` read (`key(_:clusterThreshold:averageThreshold:)`),
/// weights by their bits. The file holds one entry (`KeyedEntryCache`); a
/// damaged file, or one whose pairs or members do not fit the documents, is
/// ignored.
typealias ClusterCache = KeyedEntryCache<ClusterCacheEntry>

struct ClusterCacheEntry: Sendable {
    var pairs: [CandidateIndex.Pair]
    /// Per pair: its text similarity and its score.
    var scored: [(text: Double, score: Double)]
    var clusters: [[Int]]

    /// Whether the pairs and members are documents of `documentCount`.
    func fits(documentCount: Int) -> Bool {
        pairs.count == scored.count
            && pairs.allSatisfy { $0.a >= 0 && $0.a < $0.b && Int($0.b) < documentCount }
            && clusters.allSatisfy { $0.count >= 2 && $0.allSatisfy { (0..<documentCount).contains($0) } }
    }
}

extension KeyedEntryCache where Entry == ClusterCacheEntry {
    convenience init(file: URL) {
        self.init(file: file, header: "postmortem cluster cache 1\n", encode: { entry, out in
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
        }, decode: { reader in
            guard let pairCount = reader.count(minimumSize: 24) else { return nil }
            var entry = ClusterCacheEntry(pairs: [], scored: [], clusters: [])
            entry.pairs.reserveCapacity(pairCount)
            entry.scored.reserveCapacity(pairCount)
            for _ in 0..<pairCount {
                let a = reader.integer(Int32.self)!, b = reader.integer(Int32.self)!
                let text = reader.integer(UInt64.self)!, score = reader.integer(UInt64.self)!
                entry.pairs.append(CandidateIndex.Pair(a, b))
                entry.scored.append((Double(bitPattern: text), Double(bitPattern: score)))
            }
            guard let clusterCount = reader.count(minimumSize: 4) else { return nil }
            for _ in 0..<clusterCount {
                guard let memberCount = reader.count(minimumSize: 4) else { return nil }
                entry.clusters.append((0..<memberCount).map { _ in Int(reader.integer(UInt32.self)!) })
            }
            return entry
        })
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
                out.append(documents[index].services)
                out.append(documents[index].factors)
                out.append(documents[index].tags)
            }
        }
        return out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }
}

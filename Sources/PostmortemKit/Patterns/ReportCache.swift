import Foundation

/// The last build's patterns report (`.postmortem-cache/report.bin`), kept
/// for the next build when none of the documents' fields that the clusters'
/// descriptions, the similar incidents and the factor recurrence read has
/// changed: then no explanation or description is made again. An edit
/// outside the compared text that leaves those fields as they were (a
/// timeline entry, an impact figure), an action item's new status, and the
/// first build of a new day are such builds.
///
/// What reads today, the action items or the git history is made again on
/// every build: the trends, and the recurrences from the report's clusters.
/// The recurrences are not stored at all: at 10,000 postmortems they were
/// four fifths of the file's 42 MB, and writing and reading them took
/// several times as long as making them again.
///
/// The key (`PatternAnalyzer.reportKey`) is a blob id over the cluster
/// key, which covers the tool's build, the vectors and the structure, and
/// the rest of what those parts read: every other field of every document
/// but its action items, the words the vectors' numbers stand for, and the
/// analyzer's settings. The file holds one entry (`KeyedEntryCache`).
/// `PatternAnalyzer.outputKey` adds today, the action items and their git
/// dates: the key of the whole report, under which the site keeps
/// `patterns.json`.
typealias ReportCache = KeyedEntryCache<PatternsReport>

extension KeyedEntryCache where Entry == PatternsReport {
    convenience init(file: URL) {
        self.init(file: file, header: "postmortem report cache 1\n",
                  encode: { report, out in report.write(to: &out) },
                  decode: { reader in PatternsReport(reading: &reader) })
    }
}

extension PatternAnalyzer {
    /// The key of the cached report: see `ReportCache`.
    func reportKey(clusterKey: String, _ documents: [PatternDocument], vocabulary: [String]) -> String {
        var out = KeyWriter(clusterKey)
        out.bytes.append(similarFloor.bitPattern)
        out.bytes.append(maxSimilar)
        out.append(vocabulary)
        // The fields the cluster key leaves out, but the action items
        // (`ReportCacheTests` checks that a new field of PatternDocument is
        // added to one of the keys).
        documents.withUnsafeBufferPointer { documents in
            for index in documents.indices {
                out.bytes.append(documents[index].path)
                out.bytes.append(documents[index].id)
                out.bytes.append(documents[index].title)
                out.append(documents[index].resolved)
                out.append(documents[index].detected)
                out.bytes.append(documents[index].severity)
                out.append(documents[index].related.sorted())
                out.append(documents[index].mentions)
                out.append(documents[index].linkedPaths)
            }
        }
        return out.key
    }

    /// The key of the whole report: the cached report's key, today, and
    /// each document's action items with what the git history says of those
    /// marked done, asked as the recurrences ask.
    func outputKey(reportKey: String, _ documents: [PatternDocument], today: LocalDate,
                   statusHistory: (any ActionStatusHistory)?) -> String {
        var out = KeyWriter(reportKey)
        out.bytes.append(today.description)
        documents.withUnsafeBufferPointer { documents in
            for index in documents.indices {
                out.bytes.append(UInt32(documents[index].actions.count))
                for action in documents[index].actions {
                    out.append(action.action)
                    out.append(action.owner)
                    out.append(action.due)
                    out.append(action.dueDate?.description)
                    out.bytes.append(action.status)
                    if let text = action.action, action.status == "done" {
                        let done = statusHistory?.doneDate(ofAction: text, inFileAt: documents[index].path)
                        out.append(done?.date)
                        out.bytes.append(done?.isExact ?? false)
                    }
                }
            }
        }
        return out.key
    }
}

/// The bytes of a key, begun with the key it extends; optionals and lists
/// say how many values follow.
private struct KeyWriter {
    var bytes = ByteWriter()

    init(_ base: String) {
        bytes.append(base)
    }

    mutating func append(_ strings: [String]) {
        bytes.append(UInt32(strings.count))
        for string in strings { bytes.append(string) }
    }

    mutating func append(_ string: String?) {
        bytes.append(string != nil)
        if let string { bytes.append(string) }
    }

    mutating func append(_ timestamp: Timestamp?) {
        bytes.append(timestamp != nil)
        if let timestamp {
            bytes.append(timestamp.secondsSince1970)
            bytes.append(timestamp.utcOffset)
        }
    }

    var key: String {
        bytes.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }
}

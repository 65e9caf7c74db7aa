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
        var out = ByteWriter()
        out.append(clusterKey)
        out.append(similarFloor.bitPattern)
        out.append(maxSimilar)
        out.append(vocabulary)
        // The fields the cluster key leaves out, but the action items
        // (`ReportCacheTests` checks that a new field of PatternDocument is
        // added to one of the keys).
        documents.withUnsafeBufferPointer { documents in
            for index in documents.indices {
                out.append(documents[index].path)
                out.append(documents[index].id)
                out.append(documents[index].title)
                out.append(optional: documents[index].resolved)
                out.append(optional: documents[index].detected)
                out.append(documents[index].severity)
                out.append(documents[index].related.sorted())
                out.append(documents[index].mentions)
                out.append(documents[index].linkedPaths)
            }
        }
        return out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }

    /// The key of the whole report: the cached report's key, today, and
    /// each document's action items with what the git history says of those
    /// marked done, asked as the recurrences ask.
    func outputKey(reportKey: String, _ documents: [PatternDocument], today: LocalDate,
                   statusHistory: (any ActionStatusHistory)?) -> String {
        var out = ByteWriter()
        out.append(reportKey)
        out.append(today.description)
        documents.withUnsafeBufferPointer { documents in
            for index in documents.indices {
                out.append(documents[index].actions) { action, out in
                    out.append(optional: action.action)
                    out.append(optional: action.owner)
                    out.append(optional: action.due)
                    out.append(optional: action.dueDate?.description)
                    out.append(action.status)
                    if let text = action.action, action.status == "done" {
                        let done = statusHistory?.doneDate(ofAction: text, inFileAt: documents[index].path)
                        out.append(optional: done?.date)
                        out.append(done?.isExact ?? false)
                    }
                }
            }
        }
        return out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }
}

extension ByteWriter {
    /// Whether there is a timestamp (a flag), then its seconds and offset.
    fileprivate mutating func append(optional timestamp: Timestamp?) {
        append(timestamp != nil)
        if let timestamp {
            append(timestamp.secondsSince1970)
            append(timestamp.utcOffset)
        }
    }
}

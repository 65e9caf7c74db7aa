import Foundation

/// The last build's whole patterns report (`.postmortem-cache/report.bin`),
/// kept for the next build when nothing the analysis reads has changed:
/// then the similar incidents' explanations, the clusters' descriptions,
/// the recurrences and the trends are not made again, and the site keeps
/// its `patterns.json`. An edit outside the compared text that leaves the
/// documents' fields as they were (a timeline entry, an impact figure) is
/// such a build.
///
/// The recurrences are not stored: at 10,000 postmortems they were four
/// fifths of the file's 42 MB, and writing and reading them took several
/// times as long as making them again from the clusters.
///
/// The key (`PatternAnalyzer.reportKey`) is a blob id over the cluster
/// key, which covers the tool's build, the vectors and the structure, and
/// the rest of what the analysis reads: every other field of every
/// document, the words the vectors' numbers stand for, today, the dates
/// the git history gives each action item marked done, and the analyzer's
/// settings. The file holds one entry (`KeyedEntryCache`).
typealias ReportCache = KeyedEntryCache<PatternsReport>

extension KeyedEntryCache where Entry == PatternsReport {
    convenience init(file: URL) {
        self.init(file: file, header: "postmortem report cache 1\n",
                  encode: { report, out in report.write(to: &out) },
                  decode: { reader in PatternsReport(reading: &reader) })
    }
}

extension PatternAnalyzer {
    /// The key of the report: see `ReportCache`.
    func reportKey(clusterKey: String, _ documents: [PatternDocument], vocabulary: [String], today: LocalDate,
                   statusHistory: (any ActionStatusHistory)?) -> String {
        var out = ByteWriter()
        out.append(clusterKey)
        out.append(today.description)
        out.append(similarFloor.bitPattern)
        out.append(maxSimilar)
        out.append(UInt32(vocabulary.count))
        for word in vocabulary { out.append(word) }
        func append(_ strings: [String]) {
            out.append(UInt32(strings.count))
            for string in strings { out.append(string) }
        }
        func append(_ string: String?) {
            out.append(string != nil)
            if let string { out.append(string) }
        }
        func append(_ timestamp: Timestamp?) {
            out.append(timestamp != nil)
            if let timestamp {
                out.append(timestamp.secondsSince1970)
                out.append(timestamp.utcOffset)
            }
        }
        // The fields the cluster key leaves out. (`PatternDocumentTests`
        // checks that a new field of PatternDocument is added here or there.)
        documents.withUnsafeBufferPointer { documents in
            for index in documents.indices {
                out.append(documents[index].path)
                out.append(documents[index].id)
                out.append(documents[index].title)
                append(documents[index].resolved)
                append(documents[index].detected)
                out.append(documents[index].severity)
                append(documents[index].related.sorted())
                append(documents[index].mentions)
                append(documents[index].linkedPaths)
                out.append(UInt32(documents[index].actions.count))
                for action in documents[index].actions {
                    append(action.action)
                    append(action.owner)
                    append(action.due)
                    append(action.dueDate?.description)
                    out.append(action.status)
                    // What the history says of it, asked as the recurrences ask.
                    if let text = action.action, action.status == "done" {
                        let done = statusHistory?.doneDate(ofAction: text, inFileAt: documents[index].path)
                        append(done?.date)
                        out.append(done?.isExact ?? false)
                    }
                }
            }
        }
        return out.bytes.withUnsafeBytes { GitRepository.blobID(of: $0) }
    }
}

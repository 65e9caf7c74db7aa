import Foundation

/// Renders a `PatternsReport` as text, Markdown or JSON
/// (schema/patterns.schema.json).
public enum PatternsFormatter {
    public enum Format: String, Sendable, CaseIterable { case text, json, markdown }

    /// The whole report as one string (tests, small reports).
    public static func render(_ report: PatternsReport, as format: Format) -> String {
        var whole: [UInt8] = []
        write(report, as: format) { part in
            whole += part
            part.removeAll(keepingCapacity: true)
        }
        return String(decoding: whole, as: UTF8.self)
    }

    /// Writes the report's UTF-8 to `emit` about a megabyte at a time (`emit`
    /// empties the buffer it is given), so that the report is never held
    /// whole: at 100,000 postmortems the text is 200 MB, and joining it into
    /// one string and copying that into `Data` took a tenth of `patterns`.
    /// The bytes are the same for any number of `workers`.
    public static func write(_ report: PatternsReport, as format: Format,
                             workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                             to emit: (inout [UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(flushSize + (1 << 16))
        switch format {
        case .text: text(report, workers: workers, to: &out, flush: emit)
        case .markdown: markdown(report, workers: workers, to: &out, flush: emit)
        case .json:
            jsonStream(report).write(to: &out, pretty: true, workers: workers, flush: emit)
            out.append(10)
        }
        emit(&out)
    }

    /// How much output gathers before it is handed on.
    static let flushSize = 1 << 20

    /// Hands `out` on once it holds `flushSize` bytes.
    private static func flushIfFull(_ out: inout [UInt8], _ flush: (inout [UInt8]) -> Void) {
        if out.count >= flushSize { flush(&out) }
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
    }

    // MARK: Text

    static func text(_ report: PatternsReport, workers: Int, to out: inout [UInt8], flush: (inout [UInt8]) -> Void) {
        // Counted and iterated in place, by index: copying tens of thousands
        // of recurrences (eleven strings each) costs more than writing them.
        let notStopped = report.recurrences.indices.count { report.recurrences[$0].state == .open || report.recurrences[$0].state == .doneBefore }
        out += "\(report.incidents) incidents; \(report.clusters.count) recurring clusters; \(notStopped) action items that did not stop a recurrence\n"
        for cluster in report.clusters {
            out += "\n\(cluster.id)  \(cluster.label)  (\(cluster.members.count) incidents, \(cluster.firstDate) → \(cluster.lastDate), \(IncidentDurations.format(cluster.totalImpactSeconds)) of impact)\n"
            for member in cluster.members { out += "  \(member.started.prefix(10))  \(member.id)  \(member.severity)  \(member.title)\n" }
            out += "  services: \(cluster.services.joined(separator: ", "))  factors: \(cluster.factors.joined(separator: ", "))\n"
            for link in cluster.links {
                out += "  \(link.from) ~ \(link.to): \(String(format: "%.2f", link.explanation.score)) shared \(link.explanation.sharedTerms.prefix(4).joined(separator: ", "))\n"
            }
            flushIfFull(&out, flush)
        }
        if hasListedRecurrences(report) {
            out += "\nRecurrence despite action items:\n"
            lines(count: report.recurrences.count, workers: workers, to: &out, flush: flush) { textLine(report.recurrences[$0]) }
        }
        if !report.factorRecurrence.isEmpty {
            out += "\nService × factor seen twice or more:\n"
            for entry in report.factorRecurrence {
                out += "  \(entry.service) × \(entry.factor): \(entry.incidents.count) (\(entry.incidents.joined(separator: ", ")))\n"
            }
        }
        let actions = report.trends.actions
        out += "\nAction items: \(actions.total) total, \(actions.done) done (\(percent(actions.completionRate)) completion), \(actions.outstanding) open, \(actions.overdue) overdue, median open age \(actions.medianOpenAgeDays.map { "\($0) d" } ?? "—")\n"
        out += "\nTime to detect / resolve by severity (median, p90, count):\n"
        for row in report.trends.bySeverity {
            out += "  \(row.group): detect \(IncidentDurations.format(row.medianTimeToDetect)) / \(IncidentDurations.format(row.p90TimeToDetect)), resolve \(IncidentDurations.format(row.medianTimeToResolve)) / \(IncidentDurations.format(row.p90TimeToResolve)), n=\(row.count)\n"
        }
    }

    /// Whether any recurrence is listed (a won't-do item is not).
    static func hasListedRecurrences(_ report: PatternsReport) -> Bool {
        report.recurrences.indices.contains { report.recurrences[$0].state != .wontDo }
    }

    /// A recurrence's line of the text report; nil for a won't-do item.
    /// (perf shows each record still copied by the caller's
    /// `report.recurrences[i]`; the reduce and contains above no longer copy.)
    static func textLine(_ item: PatternsReport.Recurrence) -> String? {
        guard item.state != .wontDo else { return nil }
        return "  \(item.later) recurred; \(item.earlier): \"\(item.action)\" (\(item.owner ?? "no owner")) \(item.stateDescription)\n"
    }

    /// A recurrence's row of the Markdown report; nil for a won't-do item.
    static func markdownLine(_ item: PatternsReport.Recurrence) -> String? {
        guard item.state != .wontDo else { return nil }
        return "| \(item.later) | \(item.earlier) | \(cell(item.action)) | \(cell(item.owner ?? "—")) | \(item.state.rawValue)\(item.doneAt.map { " \($0)" } ?? "") |\n"
    }

    /// Writes the lines `line` makes for indices 0..<count (nil: none), in
    /// order. Made in chunks on all cores (a large repository has a hundred
    /// thousand recurrences, a third of a second of string building on
    /// one), a few chunks per worker at a time, so that only those are held.
    static func lines(count: Int, chunk: Int = 4096, workers: Int, to out: inout [UInt8], flush: (inout [UInt8]) -> Void,
                      _ line: @Sendable (Int) -> String?) {
        let batch = chunk * max(1, workers) * 2
        for start in stride(from: 0, to: count, by: batch) {
            let parts = ParallelMap.inChunks(min(batch, count - start), chunk: chunk, workers: workers) { range in
                var text: [UInt8] = []
                for index in range { if let line = line(start + index) { text += line } }
                return text
            }
            for part in parts {
                out += part
                flushIfFull(&out, flush)
            }
        }
    }

    // MARK: Markdown

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\n", with: " ")
    }

    static func markdown(_ report: PatternsReport, workers: Int, to out: inout [UInt8], flush: (inout [UInt8]) -> Void) {
        out += "# Recurring patterns\n\n\(report.incidents) incidents, \(report.clusters.count) recurring clusters (as of \(report.today)).\n"
        for cluster in report.clusters {
            out += "\n## \(cell(cluster.label)) (`\(cluster.id)`)\n\n"
            out += "\(cluster.members.count) incidents from \(cluster.firstDate) to \(cluster.lastDate), \(IncidentDurations.format(cluster.totalImpactSeconds)) of impact in total; services \(cluster.services.joined(separator: ", ")); factors \(cluster.factors.joined(separator: ", ")).\n\n"
            out += "| date | id | severity | title |\n|---|---|---|---|\n"
            for member in cluster.members { out += "| \(member.started.prefix(10)) | \(member.id) | \(member.severity) | \(cell(member.title)) |\n" }
            flushIfFull(&out, flush)
        }
        if hasListedRecurrences(report) {
            out += "\n## Recurrence despite action items\n\n| recurred | earlier | action | owner | status |\n|---|---|---|---|---|\n"
            lines(count: report.recurrences.count, workers: workers, to: &out, flush: flush) { markdownLine(report.recurrences[$0]) }
        }
        if !report.factorRecurrence.isEmpty {
            out += "\n## Service × contributing factor\n\n| service | factor | incidents |\n|---|---|---|\n"
            for entry in report.factorRecurrence { out += "| \(entry.service) | \(entry.factor) | \(entry.incidents.joined(separator: ", ")) |\n" }
        }
    }

    // MARK: JSON

    static func json(_ explanation: PatternsReport.Explanation) -> JSONValue {
        .object([
            "score": .number((explanation.score * 1000).rounded() / 1000),
            "text_similarity": .number((explanation.textSimilarity * 1000).rounded() / 1000),
            "shared_terms": .array(explanation.sharedTerms.map(JSONValue.string)),
            "shared_services": .array(explanation.sharedServices.map(JSONValue.string)),
            "shared_factors": .array(explanation.sharedFactors.map(JSONValue.string)),
            "shared_tags": .array(explanation.sharedTags.map(JSONValue.string)),
            "related": .bool(explanation.explicitlyRelated),
            "mentioned": .bool(explanation.mentioned),
        ])
    }

    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }

    static func json(_ stats: PatternsReport.DurationStats) -> JSONValue {
        .object([
            "group": .string(stats.group), "count": .integer(stats.count),
            "time_to_detect_seconds": .object(["median": optional(stats.medianTimeToDetect), "p90": optional(stats.p90TimeToDetect)]),
            "time_to_resolve_seconds": .object(["median": optional(stats.medianTimeToResolve), "p90": optional(stats.p90TimeToResolve)]),
        ])
    }

    public static func json(_ report: PatternsReport) -> JSONValue {
        jsonStream(report).materialized
    }

    /// The report as JSON; its largest parts (similar incidents and
    /// recurrences, tens of thousands of records in a large repository) are
    /// made record by record as they are written.
    static func jsonStream(_ report: PatternsReport) -> JSONStream {
        let actions = report.trends.actions
        let similar = report.similar.sorted { $0.id < $1.id }
        return .object([
            "version": .value(.integer(1)),
            "incidents": .value(.integer(report.incidents)),
            "today": .value(.string(report.today)),
            "clusters": .value(.array(report.clusters.map { cluster in
                .object([
                    "id": .string(cluster.id),
                    "label": .string(cluster.label),
                    "members": .array(cluster.members.map { .string($0.id) }),
                    "incidents": .array(cluster.members.map { member in
                        .object(["id": .string(member.id), "title": .string(member.title), "path": .string(member.path),
                                 "started": .string(member.started), "severity": .string(member.severity)])
                    }),
                    "services": .array(cluster.services.map(JSONValue.string)),
                    "factors": .array(cluster.factors.map(JSONValue.string)),
                    "top_terms": .array(cluster.topTerms.map(JSONValue.string)),
                    "first_date": .string(cluster.firstDate),
                    "last_date": .string(cluster.lastDate),
                    "total_impact_seconds": .integer(cluster.totalImpactSeconds),
                    "intervals_days": .array(cluster.intervalsDays.map(JSONValue.integer)),
                    "links": .array(cluster.links.map { link in
                        .object(["from": .string(link.from), "to": .string(link.to), "why": json(link.explanation)])
                    }),
                ])
            })),
            "similar": .members(keys: similar.map(\.id)) { index in
                .array(similar[index].similar.map { similar in
                    .object(["id": .string(similar.id), "title": .string(similar.title), "why": json(similar.explanation)])
                })
            },
            "factor_recurrence": .value(.array(report.factorRecurrence.map { entry in
                .object(["service": .string(entry.service), "factor": .string(entry.factor),
                         "incidents": .array(entry.incidents.map(JSONValue.string))])
            })),
            // Keys sorted, as `records` wants them.
            "recurrences": .records(count: report.recurrences.count,
                                    keys: ["action", "basis", "cluster", "done_at", "due", "earlier", "later", "later_started", "owner",
                                           "state", "status"]) { jsonRecord(report.recurrences[$0]) },
            "trends": .value(.object([
                "incidents_per_month": .array(report.trends.incidentsPerMonth.map { month in
                    .object(["month": .string(month.month), "by_severity": .object(month.counts.mapValues(JSONValue.integer))])
                }),
                "by_severity": .array(report.trends.bySeverity.map(json)),
                "by_quarter": .array(report.trends.byQuarter.map(json)),
                "action_items": .object([
                    "total": .integer(actions.total), "done": .integer(actions.done), "wont_do": .integer(actions.wontDo),
                    "outstanding": .integer(actions.outstanding), "overdue": .integer(actions.overdue),
                    "completion_rate": actions.completionRate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null,
                    "median_open_age_days": optional(actions.medianOpenAgeDays),
                ]),
            ])),
        ])
    }

    /// A recurrence's values, in the order of the keys of `recurrences` in `jsonStream`.
    static func jsonRecord(_ item: PatternsReport.Recurrence) -> [JSONValue?] {
        [.string(item.action), .string(item.basis), .string(item.cluster), item.doneAt.map(JSONValue.string),
         item.due.map(JSONValue.string), .string(item.earlier), .string(item.later), .string(item.laterStarted),
         item.owner.map(JSONValue.string), .string(item.state.rawValue), .string(item.status)]
    }
}

/// Appends a string's UTF-8 (the report is written as bytes).
private func += (bytes: inout [UInt8], text: String) {
    bytes.append(contentsOf: text.utf8)
}

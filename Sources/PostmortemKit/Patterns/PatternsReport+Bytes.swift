/// The report in the binary form of the cache files (`ByteWriter`), so that
/// a build whose analysis inputs are unchanged reads it back rather than
/// making it again (`AnalysisCache`). Every field is written, in
/// declaration order; reading gives back an equal report, which the tests
/// check through its JSON, byte for byte.
extension PatternsReport {
    func write(to out: inout ByteWriter) {
        out.append(incidents)
        out.append(today)
        out.append(clusters) { cluster, out in
            out.append(cluster.id)
            out.append(cluster.label)
            out.append(cluster.members) { member, out in member.write(to: &out) }
            out.append(cluster.services)
            out.append(cluster.factors)
            out.append(cluster.topTerms)
            out.append(cluster.firstDate)
            out.append(cluster.lastDate)
            out.append(cluster.totalImpactSeconds)
            out.append(cluster.intervalsDays) { days, out in out.append(days) }
            out.append(cluster.links) { link, out in
                out.append(link.from)
                out.append(link.to)
                link.explanation.write(to: &out)
            }
        }
        out.append(similar) { entry, out in
            out.append(entry.id)
            out.append(entry.similar) { other, out in
                out.append(other.id)
                out.append(other.title)
                other.explanation.write(to: &out)
            }
        }
        out.append(factorRecurrence) { pair, out in
            out.append(pair.service)
            out.append(pair.factor)
            out.append(pair.incidents)
        }
        out.append(recurrences) { item, out in
            out.append(item.cluster)
            out.append(item.later)
            out.append(item.laterStarted)
            out.append(item.earlier)
            out.append(item.action)
            out.append(optional: item.owner)
            out.append(optional: item.due)
            out.append(item.status)
            out.append(item.state.rawValue)
            out.append(optional: item.doneAt)
            out.append(item.basis)
        }
        out.append(trends.incidentsPerMonth) { month, out in
            out.append(month.month)
            out.append(month.counts.sorted { $0.key < $1.key }) { count, out in
                out.append(count.key)
                out.append(count.value)
            }
        }
        for rows in [trends.bySeverity, trends.byQuarter] {
            out.append(rows) { row, out in
                out.append(row.group)
                out.append(row.count)
                for value in [row.medianTimeToDetect, row.p90TimeToDetect, row.medianTimeToResolve, row.p90TimeToResolve] {
                    out.append(optional: value)
                }
            }
        }
        let actions = trends.actions
        for count in [actions.total, actions.done, actions.wontDo, actions.outstanding, actions.overdue] { out.append(count) }
        out.append(optional: actions.completionRate?.bitPattern)
        out.append(optional: actions.medianOpenAgeDays)
    }

    /// The report `write(to:)` wrote, or nil when the bytes are not one.
    init?(reading reader: inout ByteReader) {
        var fields = ReportFields(reader: reader)
        guard let report = try? fields.report() else { return nil }
        reader = fields.reader
        self = report
    }
}

extension PatternsReport.Member {
    fileprivate func write(to out: inout ByteWriter) {
        for field in [id, title, path, started, severity] { out.append(field) }
    }
}

extension PatternsReport.Explanation {
    fileprivate func write(to out: inout ByteWriter) {
        out.append(score.bitPattern)
        out.append(textSimilarity.bitPattern)
        for list in [sharedTerms, sharedServices, sharedFactors, sharedTags] { out.append(list) }
        out.append(explicitlyRelated)
        out.append(mentioned)
    }
}

/// Reads the report's fields in the order `write(to:)` wrote them; any
/// missing or malformed field throws, and the whole entry is ignored.
private struct ReportFields {
    struct Damaged: Error {}

    var reader: ByteReader

    mutating func string() throws(Damaged) -> String {
        guard let value = reader.string() else { throw Damaged() }
        return value
    }

    mutating func integer<Integer: FixedWidthInteger>(_ type: Integer.Type = Int.self) throws(Damaged) -> Integer {
        guard let value = reader.integer(type) else { throw Damaged() }
        return value
    }

    mutating func flag() throws(Damaged) -> Bool {
        guard let value = reader.flag() else { throw Damaged() }
        return value
    }

    mutating func double() throws(Damaged) -> Double {
        Double(bitPattern: try integer(UInt64.self))
    }

    /// `count` items of at least `minimumSize` bytes each, read by `item`.
    mutating func list<Item>(minimumSize: Int, _ item: (inout ReportFields) throws(Damaged) -> Item) throws(Damaged) -> [Item] {
        guard let count = reader.count(minimumSize: minimumSize) else { throw Damaged() }
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }

    mutating func strings() throws(Damaged) -> [String] {
        try list(minimumSize: 4) { fields throws(Damaged) in try fields.string() }
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try flag() ? try string() : nil
    }

    mutating func optionalInteger<Integer: FixedWidthInteger>(_ type: Integer.Type = Int.self) throws(Damaged) -> Integer? {
        try flag() ? try integer(type) : nil
    }

    mutating func member() throws(Damaged) -> PatternsReport.Member {
        PatternsReport.Member(id: try string(), title: try string(), path: try string(), started: try string(), severity: try string())
    }

    mutating func explanation() throws(Damaged) -> PatternsReport.Explanation {
        PatternsReport.Explanation(score: try double(), textSimilarity: try double(), sharedTerms: try strings(),
                                   sharedServices: try strings(), sharedFactors: try strings(), sharedTags: try strings(),
                                   explicitlyRelated: try flag(), mentioned: try flag())
    }

    mutating func durationStats() throws(Damaged) -> PatternsReport.DurationStats {
        PatternsReport.DurationStats(group: try string(), count: try integer(), medianTimeToDetect: try optionalInteger(),
                                     p90TimeToDetect: try optionalInteger(), medianTimeToResolve: try optionalInteger(),
                                     p90TimeToResolve: try optionalInteger())
    }

    mutating func report() throws(Damaged) -> PatternsReport {
        let incidents = try integer(), today = try string()
        let clusters = try list(minimumSize: 8) { fields throws(Damaged) in
            PatternsReport.Cluster(
                id: try fields.string(), label: try fields.string(),
                members: try fields.list(minimumSize: 20) { fields throws(Damaged) in try fields.member() },
                services: try fields.strings(), factors: try fields.strings(), topTerms: try fields.strings(),
                firstDate: try fields.string(), lastDate: try fields.string(), totalImpactSeconds: try fields.integer(),
                intervalsDays: try fields.list(minimumSize: 8) { fields throws(Damaged) in try fields.integer() },
                links: try fields.list(minimumSize: 8) { fields throws(Damaged) in
                    (from: try fields.string(), to: try fields.string(), explanation: try fields.explanation())
                })
        }
        let similar = try list(minimumSize: 8) { fields throws(Damaged) in
            (id: try fields.string(), similar: try fields.list(minimumSize: 8) { fields throws(Damaged) in
                PatternsReport.Similar(id: try fields.string(), title: try fields.string(), explanation: try fields.explanation())
            })
        }
        let factorRecurrence = try list(minimumSize: 12) { fields throws(Damaged) in
            PatternsReport.FactorRecurrence(service: try fields.string(), factor: try fields.string(), incidents: try fields.strings())
        }
        let recurrences = try list(minimumSize: 32) { fields throws(Damaged) in
            let (cluster, later, laterStarted, earlier, action) = (try fields.string(), try fields.string(), try fields.string(),
                                                                  try fields.string(), try fields.string())
            let (owner, due, status) = (try fields.optionalString(), try fields.optionalString(), try fields.string())
            guard let state = PatternsReport.Recurrence.State(rawValue: try fields.string()) else { throw Damaged() }
            return PatternsReport.Recurrence(cluster: cluster, later: later, laterStarted: laterStarted, earlier: earlier, action: action,
                                             owner: owner, due: due, status: status, state: state, doneAt: try fields.optionalString(),
                                             basis: try fields.string())
        }
        let months = try list(minimumSize: 8) { fields throws(Damaged) in
            let month = try fields.string()
            let counts = try fields.list(minimumSize: 12) { fields throws(Damaged) in (try fields.string(), try fields.integer()) }
            return (month: month, counts: Dictionary(counts, uniquingKeysWith: { first, _ in first }))
        }
        let bySeverity = try list(minimumSize: 16) { fields throws(Damaged) in try fields.durationStats() }
        let byQuarter = try list(minimumSize: 16) { fields throws(Damaged) in try fields.durationStats() }
        let actions = PatternsReport.ActionStats(
            total: try integer(), done: try integer(), wontDo: try integer(), outstanding: try integer(), overdue: try integer(),
            completionRate: try optionalInteger(UInt64.self).map { Double(bitPattern: $0) }, medianOpenAgeDays: try optionalInteger())
        return PatternsReport(incidents: incidents, today: today, clusters: clusters, similar: similar, factorRecurrence: factorRecurrence,
                              recurrences: recurrences,
                              trends: PatternsReport.Trends(incidentsPerMonth: months, bySeverity: bySeverity, byQuarter: byQuarter,
                                                            actions: actions))
    }
}

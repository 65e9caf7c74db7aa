/// The context of `patterns.mustache` (SPEC §8): clusters, recurrences
/// despite action items, service × factor pairs and trends with charts.
///
/// Long lists are cut on the page (`patterns.json` keeps everything): a
/// cluster shows its most recent members and the recurrences of its most
/// recent incidents, so a problem that came back a thousand times gives a
/// readable page rather than tens of megabytes of table.
extension PageContexts {
    /// Members shown per cluster, the most recent.
    static let patternsMembersShown = 40
    /// Recurrence rows shown per cluster, those of its most recent incidents.
    static let patternsRecurrencesShown = 30
    /// Member pairs quoted in "Why they match".
    static let patternsReasonsShown = 8

    func patternsPage() -> JSONValue {
        var context = base(title: "Recurring patterns", root: "", current: "patterns.html")
        guard let report = patterns else {
            context["summary_line"] = .string("Patterns were not computed for this build.")
            for key in ["clusters", "recurrences", "factor_pairs", "severity_stats", "quarter_stats"] { context[key] = .array([]) }
            for key in ["has_clusters", "has_recurrences", "has_factor_pairs"] { context[key] = .bool(false) }
            for key in ["month_chart_html", "resolve_chart_html", "actions_line"] { context[key] = .string("") }
            return .object(context)
        }
        func link(_ id: String) -> JSONValue {
            let entry = byID[id]
            return .object(["id": .string(id), "title": .string(entry?.title ?? ""), "url": .string(entry?.url ?? ""),
                            "has_url": .bool(entry != nil)])
        }
        // Positions, not copies: a large repository has a hundred thousand recurrences.
        let recurrences = report.recurrences
        let despite = recurrences.indices.filter { recurrences[$0].state == .open || recurrences[$0].state == .doneBefore || recurrences[$0].state == .done }
        let open = despite.count { recurrences[$0].state == .open }
        context["summary_line"] = .string("\(DisplayFormat.count(report.incidents, "incident")) analysed: \(DisplayFormat.count(report.clusters.count, "recurring problem")), \(DisplayFormat.count(open, "action item")) still open when the problem came back.")
        context["clusters"] = .array(report.clusters.map { cluster in
            let moreMembers = cluster.members.count > PageContexts.patternsMembersShown
                ? "The \(PageContexts.patternsMembersShown) most recent of \(cluster.members.count) are listed; patterns.json has them all." : ""
            let why: [String] = cluster.links.prefix(PageContexts.patternsReasonsShown).map { link in
                let terms = link.explanation.sharedTerms.prefix(4).map { $0.hasPrefix("~") ? String($0.dropFirst()) : $0 }
                return "\(link.from) ~ \(link.to): \(terms.joined(separator: ", "))"
            }
            // The latest intervals say whether the problem is speeding up; a thousand would say nothing more.
            let latest = cluster.intervalsDays.suffix(12).map { "\($0) d" }.joined(separator: ", ")
            let intervals = cluster.intervalsDays.isEmpty ? "—" : cluster.intervalsDays.count > 12 ? "… " + latest : latest
            return .object([
                "id": .string(cluster.id),
                "label": .string(cluster.label),
                "count": .string(String(cluster.members.count)),
                "first_date": .string(cluster.firstDate),
                "last_date": .string(cluster.lastDate),
                "impact": .string(IncidentDurations.format(cluster.totalImpactSeconds)),
                "services": .string(cluster.services.joined(separator: ", ")),
                "factors": .string(cluster.factors.joined(separator: ", ")),
                "intervals": .string(intervals),
                "more_members": .string(moreMembers),
                // The list keeps each member's place in the whole cluster.
                "members_start": .string(String(max(1, cluster.members.count - PageContexts.patternsMembersShown + 1))),
                "members": .array(cluster.members.suffix(PageContexts.patternsMembersShown).map { member in
                    var object = link(member.id).objectValue ?? [:]
                    object["date"] = .string(String(member.started.prefix(10)))
                    object["severity"] = .string(member.severity)
                    object["severity_class"] = .string(DisplayFormat.severityClass(member.severity))
                    return .object(object)
                }),
                "why": .string(why.joined(separator: "; ")),
            ])
        })
        context["has_clusters"] = .bool(!report.clusters.isEmpty)
        // Per cluster, the rows of its most recent incidents, in report order.
        var shown: [Int] = []
        var hidden = 0
        for (_, rows) in Dictionary(grouping: despite, by: { recurrences[$0].cluster }).sorted(by: { $0.value[0] < $1.value[0] }) {
            let kept = rows.suffix(PageContexts.patternsRecurrencesShown)
            hidden += rows.count - kept.count
            shown += kept
        }
        context["more_recurrences"] = .string(hidden == 0 ? ""
            : "\(DisplayFormat.count(hidden, "earlier row")) left out: each problem shows the action items behind its \(PageContexts.patternsRecurrencesShown) most recent rows; patterns.json has them all.")
        context["recurrences"] = .array(shown.map { index in
            let item = recurrences[index]
            return .object([
                "later": link(item.later), "earlier": link(item.earlier),
                "action": .string(item.action), "owner": .string(item.owner ?? "—"), "due": .string(item.due ?? "—"),
                "state": .string(item.stateDescription), "state_class": .string(item.state == .open ? "overdue" : "muted"),
            ])
        })
        context["has_recurrences"] = .bool(!despite.isEmpty)
        context["factor_pairs"] = .array(report.factorRecurrence.map { pair in
            .object(["service": .string(pair.service), "factor": .string(pair.factor), "count": .string(String(pair.incidents.count)),
                     "incidents": .array(pair.incidents.map(link))])
        })
        context["has_factor_pairs"] = .bool(!report.factorRecurrence.isEmpty)
        func stats(_ rows: [PatternsReport.DurationStats]) -> JSONValue {
            .array(rows.map { row in
                .object(["group": .string(row.group), "count": .string(String(row.count)),
                         "detect_median": .string(IncidentDurations.format(row.medianTimeToDetect)),
                         "detect_p90": .string(IncidentDurations.format(row.p90TimeToDetect)),
                         "resolve_median": .string(IncidentDurations.format(row.medianTimeToResolve)),
                         "resolve_p90": .string(IncidentDurations.format(row.p90TimeToResolve))])
            })
        }
        context["severity_stats"] = stats(report.trends.bySeverity)
        context["quarter_stats"] = stats(report.trends.byQuarter)
        context["month_chart_html"] = .string(SVGChart.bars(
            title: "Incidents per month", yAxis: "incidents",
            series: report.trends.incidentsPerMonth.map { month in
                let total = month.counts.values.reduce(0, +)
                return SVGChart.Series(label: month.month, value: Double(total), text: String(total))
            }))
        context["resolve_chart_html"] = .string(SVGChart.line(
            title: "Median time to resolve per quarter (hours)", yAxis: "hours",
            series: report.trends.byQuarter.compactMap { row in
                row.medianTimeToResolve.map { SVGChart.Series(label: row.group, value: Double($0) / 3600, text: IncidentDurations.format($0)) }
            }))
        let actions = report.trends.actions
        context["actions_line"] = .string("\(actions.total) action items: \(actions.done) done (\(PatternsFormatter.percent(actions.completionRate)) of those not declined), \(actions.outstanding) open or in progress, \(actions.overdue) overdue; median age of open items \(actions.medianOpenAgeDays.map { "\($0) days" } ?? "—").")
        return .object(context)
    }
}

/// Similar incidents for postmortem pages, from the patterns report.
struct PatternsSimilarIncidents: SimilarIncidentsProvider {
    /// By postmortem id, built once: every page asks, and searching the
    /// report's list for each made the pages of a large site cost the square
    /// of their number.
    private let byID: [String: [(id: String, score: Double)]]

    init(report: PatternsReport) {
        byID = Dictionary(report.similar.map { entry in (entry.id, entry.similar.map { ($0.id, $0.explanation.score) }) },
                          uniquingKeysWith: { first, _ in first })
    }

    func similar(to id: String) -> [(id: String, score: Double)] {
        byID[id] ?? []
    }
}

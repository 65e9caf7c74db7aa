/// The context of `patterns.mustache` (SPEC §8): clusters, recurrences
/// despite action items, service × factor pairs and trends with charts.
extension PageContexts {
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
        let despite = report.recurrences.filter { $0.state == .open || $0.state == .doneBefore || $0.state == .done }
        context["summary_line"] = .string("\(DisplayFormat.count(report.incidents, "incident")) analysed: \(DisplayFormat.count(report.clusters.count, "recurring problem")), \(DisplayFormat.count(despite.filter { $0.state == .open }.count, "action item")) still open when the problem came back.")
        context["clusters"] = .array(report.clusters.map { cluster in
            .object([
                "id": .string(cluster.id),
                "label": .string(cluster.label),
                "count": .string(String(cluster.members.count)),
                "first_date": .string(cluster.firstDate),
                "last_date": .string(cluster.lastDate),
                "impact": .string(IncidentDurations.format(cluster.totalImpactSeconds)),
                "services": .string(cluster.services.joined(separator: ", ")),
                "factors": .string(cluster.factors.joined(separator: ", ")),
                "intervals": .string(cluster.intervalsDays.isEmpty ? "—" : cluster.intervalsDays.map { "\($0) d" }.joined(separator: ", ")),
                "members": .array(cluster.members.map { member in
                    var object = link(member.id).objectValue ?? [:]
                    object["date"] = .string(String(member.started.prefix(10)))
                    object["severity"] = .string(member.severity)
                    object["severity_class"] = .string(DisplayFormat.severityClass(member.severity))
                    return .object(object)
                }),
                "why": .string(cluster.links.map { "\($0.from) ~ \($0.to): \($0.explanation.sharedTerms.prefix(4).map { $0.hasPrefix("~") ? String($0.dropFirst()) : $0 }.joined(separator: ", "))" }.joined(separator: "; ")),
            ])
        })
        context["has_clusters"] = .bool(!report.clusters.isEmpty)
        context["recurrences"] = .array(despite.map { item in
            .object([
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
    let report: PatternsReport

    func similar(to id: String) -> [(id: String, score: Double)] {
        report.similar(to: id).map { ($0.id, $0.explanation.score) }
    }
}

/// Two files must not share an id: links, the site and patterns key on it.
struct DuplicateIDRule: RepositoryRule {
    static let description = RuleDescription(
        id: "repo/duplicate-id",
        summary: "Every postmortem id is unique in the repository.",
        rationale: "Ids are how postmortems link to each other and how the site and patterns name them; a copied id silently merges two incidents.",
        defaultSeverity: .error,
        fires: [], // needs two files; covered by repository tests
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    func check(_ postmortems: [Postmortem], in context: RuleContext) -> [Finding] {
        // Positions by id: most ids have one owner, and copying each
        // postmortem into the table cost more than the rest of the rule.
        var byID: [String: [Int]] = [:]
        byID.reserveCapacity(postmortems.count)
        for index in postmortems.indices {
            if let id = postmortems[index].id { byID[id, default: []].append(index) }
        }
        var findings: [Finding] = []
        for (id, positions) in byID where positions.count > 1 {
            let owners = positions.map { postmortems[$0] }
            // The file that most plausibly owns the id keeps it: one whose id
            // year matches its start year, then the earliest incident, then path.
            let ranked = owners.sorted { a, b in
                let aFits = DuplicateIDRule.yearMatches(a), bFits = DuplicateIDRule.yearMatches(b)
                if aFits != bFits { return aFits }
                let aStart = a.started?.secondsSince1970 ?? Int.max, bStart = b.started?.secondsSince1970 ?? Int.max
                if aStart != bStart { return aStart < bStart }
                return a.path < b.path
            }
            let keeper = ranked[0]
            for other in ranked.dropFirst() {
                let location = other.frontMatter?.location(of: "/id") ?? SourceLocation(line: 1)
                findings.append(finding(other, at: location, "id \(id) is already used by \(keeper.path)",
                                        suggestion: "Give this postmortem the next free id (postmortem new picks one)."))
            }
        }
        return findings
    }

    static func yearMatches(_ postmortem: Postmortem) -> Bool {
        guard let id = postmortem.id, let started = postmortem.started else { return false }
        return id.hasPrefix("PM-\(started.localDate.year)-")
    }
}

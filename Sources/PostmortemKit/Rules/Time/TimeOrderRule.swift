/// The incident's times must follow each other: started ≤ detected ≤ mitigated ≤ resolved.
struct TimeOrderRule: Rule {
    static let description = RuleDescription(
        id: "time/order",
        summary: "started ≤ detected ≤ mitigated ≤ resolved.",
        rationale: "Durations (time to detect, mitigate, resolve) are derived from these fields; out-of-order times make every report wrong.",
        defaultSeverity: .error,
        fires: [
            .frontMatter([("↓detected", "2025-03-14T08:55:00Z")]),
            .frontMatter([("↓resolved", "2025-03-14T09:30:00Z")]),
        ],
        passes: [.frontMatter([("mitigated", nil)])])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let frontMatter = postmortem.frontMatter else { return [] }
        let order = ["started", "detected", "mitigated", "resolved"]
        let known = order.compactMap { key in frontMatter.timestamp(key).map { (key, $0) } }
        var findings: [Finding] = []
        for (index, (key, time)) in known.enumerated() {
            // Compare with every earlier field so a missing `mitigated` is skipped over.
            if let earlier = known[..<index].last(where: { $0.1 > time }) {
                findings.append(finding(postmortem, at: frontMatter.location(of: "/\(key)"),
                                        "\(key) (\(frontMatter.string(key) ?? "")) is before \(earlier.0) (\(frontMatter.string(earlier.0) ?? ""))",
                                        suggestion: "Check the offsets: times must run started → detected → mitigated → resolved."))
            }
        }
        return findings
    }
}

/// An author approving their own postmortem is not a review.
struct SelfApprovalRule: Rule {
    static let description = RuleDescription(
        id: "review/self-approval",
        summary: "No approver is also an author.",
        rationale: "Review catches blame, gaps and weak action items only when someone else reads it.",
        defaultSeverity: .warning,
        fires: [.frontMatter([("approvers", "[\"@bob\", ↓\"@alice\"]")])],
        passes: [.frontMatter([("approvers", "[\"@bob\", \"@carol\"]")])])

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let frontMatter = postmortem.frontMatter, case .array(let approvers)? = frontMatter["approvers"] else { return [] }
        let authors = Set(frontMatter.strings("authors").map { $0.lowercased() })
        return approvers.enumerated().compactMap { index, value in
            guard let approver = value.stringValue, authors.contains(approver.lowercased()) else { return nil }
            return finding(postmortem, at: frontMatter.location(of: "/approvers/\(index)"),
                           "approver \(approver) is also an author; self-approval does not count as review",
                           suggestion: "Ask someone who did not write the postmortem to approve it.")
        }
    }
}

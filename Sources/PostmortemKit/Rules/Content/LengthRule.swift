/// Notes very long postmortems.
struct LengthRule: Rule {
    static let wordLimit = 2_500

    static let description = RuleDescription(
        id: "length/too-long",
        summary: "The body stays under about 2,500 words.",
        rationale: "Long postmortems go unread; move raw logs and transcripts to linked documents.",
        defaultSeverity: .info,
        fires: [RuleExample(document: RuleExample.section(.incidentOverview, String(repeating: "The pool ran out of connections again. ", count: 400)).document,
                            excerpt: "(a body of 2,800 words)", isProse: false)],
        passes: [.document(RuleExample.Baseline.text, excerpt: "(the clean baseline)")])

    /// The words of `bytes`: runs of bytes other than space, tab and line feed.
    /// Counted without a branch per byte (a word starts where a space was
    /// before), as every byte of every body passes here and the branches
    /// were mispredicted at every word boundary.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previousIsSpace = 1
        for byte in bytes {
            let isSpace = byte == 32 || byte == 10 || byte == 9 ? 1 : 0
            count &+= previousIsSpace & (isSpace ^ 1)
            previousIsSpace = isSpace
        }
        return count
    }

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let body = postmortem.body else { return [] }
        var words = 0
        // Counting over the text nodes directly avoids building the whole body as one string.
        body.walk { node in
            switch node.kind {
            case .text, .code, .codeBlock:
                var literal = node.literal
                words += literal.withUTF8(LengthRule.wordCount)
            default:
                break
            }
        }
        guard words > LengthRule.wordLimit else { return [] }
        let location = postmortem.sections.first?.blocks.first?.start ?? SourceLocation(line: 1)
        return [finding(postmortem, at: location, "the body has \(words) words (limit about \(LengthRule.wordLimit))",
                        suggestion: "Keep the narrative; move logs, transcripts and raw data to linked documents.")]
    }
}

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
    /// A word starts at a byte that is not a space after one that is (or at
    /// the start). Every byte of every body passes here, so eight bytes are
    /// read at a time: one bit per byte says "space", and a shift pairs each
    /// byte with the one before it.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        // The high bit of a byte: whether the byte before it is a space (the start counts as one).
        var previousIsSpace: UInt64 = 0x80
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while bytes.count - index >= 8 {
                let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let spaces = zeroBytes(chunk ^ 0x2020_2020_2020_2020) | zeroBytes(chunk ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | zeroBytes(chunk ^ 0x0909_0909_0909_0909)
                let afterSpace = spaces << 8 | previousIsSpace
                // At most one bit per byte: a multiply adds the bytes up (no popcount instruction in the baseline).
                let starts = (~spaces & afterSpace & 0x8080_8080_8080_8080) >> 7
                count &+= Int(truncatingIfNeeded: (starts &* 0x0101_0101_0101_0101) >> 56)
                previousIsSpace = spaces >> 56
                index += 8
            }
        }
        var previous = Int(previousIsSpace >> 7)
        while index < bytes.count {
            let byte = bytes[index]
            let isSpace = byte == 32 || byte == 10 || byte == 9 ? 1 : 0
            count &+= previous & (isSpace ^ 1)
            previous = isSpace
            index += 1
        }
        return count
    }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word | 0x7F7F_7F7F_7F7F_7F7F)
    }

    func check(_ postmortem: Postmortem, in context: RuleContext) -> [Finding] {
        guard let body = postmortem.body else { return [] }
        var words = 0
        // Counting over the text nodes directly avoids building the whole body as one string.
        body.walk { node in
            switch node.kind {
            case .text, .code, .codeBlock:
                words += node.literal.utf8.withContiguousStorageIfAvailable(LengthRule.wordCount) ?? {
                    var literal = node.literal
                    return literal.withUTF8(LengthRule.wordCount)
                }()
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

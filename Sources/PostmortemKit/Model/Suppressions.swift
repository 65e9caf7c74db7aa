/// Inline control comments of a postmortem (SPEC §5.1):
///
/// - `<!-- postmortem-disable-next-line RULE… -->`: the next non-blank line.
/// - `<!-- postmortem-disable RULE… -->` … `<!-- postmortem-enable RULE… -->`:
///   a range; without an `enable`, to the end of the file. A `disable` placed
///   before the first section covers the whole file, front matter included.
///
/// RULE may be an id (`blameless/hindsight`), a group (`blameless/*` or
/// `blameless`), or absent for every rule.
public struct Suppressions: Sendable, Hashable {
    struct Span: Sendable, Hashable {
        /// nil: every rule.
        var rules: [String]?
        var lines: ClosedRange<Int>
    }

    var spans: [Span] = []

    public init() {}

    public func suppresses(rule: String, line: Int) -> Bool {
        spans.contains { span in
            span.lines.contains(line) && (span.rules?.contains { Suppressions.pattern($0, matches: rule) } ?? true)
        }
    }

    static func pattern(_ pattern: String, matches rule: String) -> Bool {
        if pattern == rule { return true }
        let group = pattern.hasSuffix("/*") ? String(pattern.dropLast(2)) : pattern
        return rule.hasPrefix(group + "/")
    }

    enum Directive: Equatable {
        case disableNextLine([String]?)
        case disable([String]?)
        case enable([String]?)
    }

    /// Reads a directive out of an HTML comment's text, if it is one.
    static func directive(in html: String) -> Directive? {
        var text = Substring(html).trimmingCharacters(in: " \t\n")
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        text = Substring(text.dropFirst(4).dropLast(3)).trimmingCharacters(in: " \t\n")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," }).map(String.init)
        guard let command = words.first else { return nil }
        let rules = words.count > 1 ? Array(words.dropFirst()) : nil
        switch command {
        case "postmortem-disable-next-line": return .disableNextLine(rules)
        case "postmortem-disable": return .disable(rules)
        case "postmortem-enable": return .enable(rules)
        default: return nil
        }
    }

    /// Builds the spans from the comments found in a body.
    /// - Parameters:
    ///   - comments: each comment's text and its first and last line.
    ///   - firstSectionLine: line of the first level-2 heading (file-wide disables come before it).
    ///   - lines: the file's lines, to find the next non-blank line.
    static func build(comments: [(text: String, start: Int, end: Int)], firstSectionLine: Int?, lines: [Substring]) -> Suppressions {
        var result = Suppressions()
        var open: [(rules: [String]?, start: Int)] = []
        let lastLine = max(lines.count, 1)
        for comment in comments {
            guard let directive = directive(in: comment.text) else { continue }
            switch directive {
            case .disableNextLine(let rules):
                var next = comment.end + 1
                while next <= lines.count, lines[next - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { next += 1 }
                result.spans.append(Span(rules: rules, lines: next...next))
            case .disable(let rules):
                let fileWide = firstSectionLine.map { comment.start < $0 } ?? true
                open.append((rules, fileWide ? 1 : comment.start))
            case .enable(let rules):
                // An enable closes the matching disables (all of them when it names no rule).
                open.removeAll { entry in
                    let closes = rules == nil || entry.rules == nil || entry.rules.map { Set($0).isSubset(of: Set(rules!)) } == true
                    if closes { result.spans.append(Span(rules: entry.rules, lines: entry.start...max(entry.start, comment.end))) }
                    return closes
                }
            }
        }
        for entry in open { result.spans.append(Span(rules: entry.rules, lines: entry.start...lastLine)) }
        return result
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}

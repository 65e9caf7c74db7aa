/// The nine required sections of SPEC §3.2, in their required order.
public enum SectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case executiveSummary = "Executive Summary"
    case incidentOverview = "Incident Overview"
    case rootCauseAnalysis = "Root Cause Analysis"
    case timeline = "Timeline"
    case impactAssessment = "Impact Assessment"
    case resolutionAndRecovery = "Resolution & Recovery"
    case preventiveMeasures = "Preventive Measures"
    case actionItems = "Action Items"
    case lessonsLearned = "Lessons Learned"

    public var title: String { rawValue }

    /// Position in the required order, 0 to 8.
    public var order: Int {
        switch self {
        case .executiveSummary: 0
        case .incidentOverview: 1
        case .rootCauseAnalysis: 2
        case .timeline: 3
        case .impactAssessment: 4
        case .resolutionAndRecovery: 5
        case .preventiveMeasures: 6
        case .actionItems: 7
        case .lessonsLearned: 8
        }
    }

    // Equality and hashing by case: the defaults of a String-backed enum
    // compare and hash its raw value, and every rule looks its sections up
    // by kind, so string comparisons showed up in every file's lint.
    public static func == (lhs: SectionKind, rhs: SectionKind) -> Bool { lhs.order == rhs.order }
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }

    /// Headings accepted for this section without any config, besides its title.
    /// Matching ignores case, punctuation and "&" versus "and".
    public var builtInAliases: [String] {
        switch self {
        case .executiveSummary: ["Summary"]
        case .incidentOverview: ["Overview"]
        case .rootCauseAnalysis: ["Root Cause", "Root Causes"]
        case .timeline: []
        case .impactAssessment: ["Impact"]
        case .resolutionAndRecovery: ["Resolution", "Recovery"]
        case .preventiveMeasures: ["Preventative Measures", "Prevention"]
        case .actionItems: []
        case .lessonsLearned: ["Lessons"]
        }
    }
}

/// Maps heading text to a section kind, with aliases from the config.
public struct SectionNames: Sendable, Hashable {
    private var byKey: [String: SectionKind] = [:]

    public init(extraAliases: [SectionKind: [String]] = [:]) {
        for kind in SectionKind.allCases {
            for name in [kind.title] + kind.builtInAliases + (extraAliases[kind] ?? []) {
                byKey[SectionNames.key(name)] = kind
            }
        }
    }

    public func kind(forHeading heading: String) -> SectionKind? {
        byKey[SectionNames.key(heading)]
    }

    /// Lower-cased words with "&" read as "and" and other punctuation dropped.
    static func key(_ text: String) -> String {
        asciiKey(text) ?? unicodeKey(text)
    }

    /// `key` for any text, through Unicode case mapping and character classes.
    static func unicodeKey(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "&" {
                if !current.isEmpty { words.append(current); current = "" }
                words.append("and")
            } else if CharacterSetCache.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // A leading section number ("3. Root Cause Analysis") is decoration.
        if let first = words.first, first.allSatisfy(\.isNumber) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

extension SectionNames {
    /// `key` for ASCII headings, on bytes: every heading of every file is
    /// looked up, and lower-casing through Unicode tables was most of it.
    /// The key is written into one buffer (no array per word). Nil for any
    /// non-ASCII heading, which `key` handles in full.
    static func asciiKey(_ text: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count + 3)
        var inWord = false
        // The first word's length in `key` once it has ended, and whether it is a number so far.
        var firstWordLength: Int?
        var firstWordIsNumber = true
        // Written out rather than as local functions capturing these
        // variables, which took a third more instructions per heading.
        for byte in text.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if byte >= 0x80 { return nil }
            if isDigit || isLetter || byte == UInt8(ascii: "&") {
                if byte == UInt8(ascii: "&"), inWord {
                    // "&" ends the word before it and is the word "and".
                    inWord = false
                    if firstWordLength == nil { firstWordLength = key.count }
                }
                if !inWord {
                    if !key.isEmpty { key.append(32) }
                    inWord = true
                }
                if !isDigit, firstWordLength == nil { firstWordIsNumber = false }
                if byte == UInt8(ascii: "&") {
                    key += [UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "d")]
                    inWord = false
                    if firstWordLength == nil { firstWordLength = key.count }
                } else {
                    key.append(isLetter ? byte | 0x20 : byte)
                }
            } else if inWord {
                inWord = false
                if firstWordLength == nil { firstWordLength = key.count }
            }
        }
        if inWord, firstWordLength == nil { firstWordLength = key.count }
        // A leading section number ("3. Root Cause Analysis") is decoration.
        if let length = firstWordLength, firstWordIsNumber {
            key.removeFirst(min(length + 1, key.count))
        }
        return String(decoding: key, as: UTF8.self)
    }
}

/// A level-2 section of a postmortem body.
public struct Section: Sendable, Hashable {
    /// The heading's visible text, as written.
    public var title: String
    /// Which required section this is, if any.
    public var kind: SectionKind?
    public var heading: MarkdownNode
    /// The blocks after the heading up to the next level-2 heading.
    public var blocks: [MarkdownNode]

    public var location: SourceLocation { heading.start }

    /// Last line that belongs to the section (for ranges and snippets).
    public var lastLine: Int { blocks.last?.end.line ?? heading.end.line }

    /// True when the section has nothing but blank lines, HTML comments and
    /// tables without body rows. A header-only table is the skeleton a
    /// template (or `postmortem new`) leaves to be filled in, not content.
    public var isEmpty: Bool {
        blocks.allSatisfy { block in
            switch block.kind {
            case .htmlBlock:
                return true
            case .table:
                return !block.children.contains { row in
                    if case .tableRow(isHeader: false) = row.kind { return true }
                    return false
                }
            default:
                return false
            }
        }
    }
}

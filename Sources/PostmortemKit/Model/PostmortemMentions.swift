/// The words of a postmortem's text that may name another postmortem by its
/// id ("a repeat of PM-2024-002", "see INC-88"), and the repository paths
/// its links lead to. The patterns analysis takes a postmortem that names
/// or links another as a hint that they are one problem (less than
/// `related:`, since a mention may also deny it): authors who know an
/// incident came back say so in the text at least as often as in the
/// front matter.
///
/// A word is a run of ASCII letters, digits, `-` and `_` (not next to a
/// letter of another script) with a letter, a digit and a hyphen between
/// two of its characters; which of them are ids
/// is only known against the whole repository, so all are kept (lower-cased,
/// each once). Dates ("2024-03-01") have no letter and are not kept.
struct PostmortemMentions {
    private(set) var words: [String] = []
    private var seen = Set<String>()

    mutating func scan(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // The kinds of byte the word holds, gathered as it is found:
                // most words lack a digit or a hyphen and are passed over
                // without being read again.
                var kinds: UInt8 = 0
                var start = index
                while index < bytes.count {
                    let kind = PostmortemMentions.kind(of: bytes[index])
                    guard kind != 0 else { break }
                    kinds |= kind
                    index += 1
                }
                guard index > start else {
                    index += 1
                    continue
                }
                let wanted = Kind.letter | Kind.digit | Kind.hyphen
                guard kinds & (wanted | Kind.other) == wanted else { continue }
                var end = index
                while start < end, bytes[start] == 0x2D { start += 1 }
                while end > start, bytes[end - 1] == 0x2D { end -= 1 }
                // Trimming may have taken its only hyphens.
                guard bytes[start..<end].contains(0x2D) else { continue }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
                if seen.insert(word).inserted { words.append(word) }
            }
        }
    }

    /// Bits of `kind(of:)`.
    private enum Kind {
        static let word: UInt8 = 1, letter: UInt8 = 2, digit: UInt8 = 4, hyphen: UInt8 = 8, other: UInt8 = 16
    }

    /// What a byte of a word is, 0 for a byte outside words. Bytes of other
    /// scripts join a word only to exclude it ("Ärger-1").
    private static func kind(of byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39: Kind.word | Kind.digit
        case 0x41...0x5A, 0x61...0x7A: Kind.word | Kind.letter
        case 0x2D: Kind.word | Kind.hyphen
        case 0x5F: Kind.word
        case 0x80...: Kind.word | Kind.other
        default: 0
        }
    }

    /// The repository path (relative to the config's root, like
    /// `Postmortem.path`) of the Markdown file a relative link in the file
    /// at `path` leads to; nil for a link to anything else.
    static func linkedPath(_ destination: String, from path: String) -> String? {
        guard HTML.scheme(of: destination) == nil, !destination.hasPrefix("#"), !destination.hasPrefix("/") else { return nil }
        let pathPart = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard pathPart.hasSuffix(".md") else { return nil }
        var components = path.split(separator: "/").dropLast().map(String.init)
        for component in pathPart.split(separator: "/") {
            if component == ".." { if !components.isEmpty { components.removeLast() } }
            else if component != "." { components.append(String(component)) }
        }
        return components.joined(separator: "/")
    }
}

extension Postmortem {
    /// The words of the body that may be ids of other postmortems
    /// (`PostmortemMentions`), lower-cased, each once, in document order.
    var mentions: [String] {
        if let deferred { return deferred.summary.mentions }
        if let patternInputs { return patternInputs.mentions }
        var found = PostmortemMentions()
        for block in preamble { found.scan(block.plainText) }
        for section in sections {
            found.scan(section.title)
            for block in section.blocks { found.scan(block.plainText) }
        }
        return found.words
    }
}

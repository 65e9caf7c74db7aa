import Foundation

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
        text.withUTF8 { scan($0) }
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        // Every kept word has a hyphen, and most words have none: the
        // text is searched for hyphens (memchr) and only the words
        // around them are read, rather than every byte classified.
        var from = 0
        while from < bytes.count, let found = memchr(base + from, 0x2D, bytes.count - from) {
            let hyphen = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // The word around the hyphen, and the kinds of byte it holds.
            var kinds = PostmortemMentions.kind(of: 0x2D)
            var start = hyphen
            while start > 0 {
                let kind = PostmortemMentions.kind(of: bytes[start - 1])
                guard kind != 0 else { break }
                kinds |= kind
                start -= 1
            }
            var end = hyphen + 1
            while end < bytes.count {
                let kind = PostmortemMentions.kind(of: bytes[end])
                guard kind != 0 else { break }
                kinds |= kind
                end += 1
            }
            from = end
            let wanted = Kind.letter | Kind.digit | Kind.hyphen
            guard kinds & (wanted | Kind.other) == wanted else { continue }
            while start < end, bytes[start] == 0x2D { start += 1 }
            while end > start, bytes[end - 1] == 0x2D { end -= 1 }
            // Trimming may have taken its only hyphens.
            guard bytes[start..<end].contains(0x2D) else { continue }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
            if seen.insert(word).inserted { words.append(word) }
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
        // One buffer for every block's text.
        var text: [UInt8] = []
        preamble.forEachPlainText(in: &text) { found.scan($0) }
        for section in sections {
            found.scan(section.title)
            section.blocks.forEachPlainText(in: &text) { found.scan($0) }
        }
        return found.words
    }
}

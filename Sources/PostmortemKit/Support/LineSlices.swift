import Foundation

extension StringProtocol where Self.SubSequence == Substring {
    /// The lines of the text split at "\n", empty lines kept — the same as
    /// `split(separator: "\n", omittingEmptySubsequences: false)`, but found
    /// by scanning UTF-8 bytes instead of grapheme clusters, which made that
    /// call one of the costliest steps of parsing a file.
    ///
    /// "\r\n" is not a line end here (it is one grapheme for `split`, so the
    /// results differ on it): callers normalise line ends first.
    func lineSlices() -> [Substring] {
        let text = Substring(self)
        let utf8 = text.utf8
        // Offsets of the line feeds, found with memchr on the contiguous bytes.
        var ends: [Int] = []
        var contiguous = (self as? String) ?? String(text)
        contiguous.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 10, bytes.count - offset) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ends.append(end)
                offset = end + 1
            }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var lineStart = utf8.startIndex
        var previous = 0
        for end in ends {
            // UTF-8 offsets move String indices in constant time on native strings.
            let index = utf8.index(lineStart, offsetBy: end - previous)
            lines.append(text[lineStart..<index])
            lineStart = utf8.index(after: index)
            previous = end + 1
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs — the same as
    /// Foundation's `trimmingCharacters(in: .whitespaces)`, which it calls only
    /// when an edge is non-ASCII (a no-break space, say): the ASCII scan is
    /// several times cheaper and parsing trims every heading, cell and line.
    func trimmingSpaces() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start != end, bytes[start] == 32 || bytes[start] == 9 { bytes.formIndex(after: &start) }
        while start != end {
            let last = bytes.index(before: end)
            guard bytes[last] == 32 || bytes[last] == 9 else { break }
            end = last
        }
        let edgeIsASCII = start == end || (bytes[start] < 0x80 && bytes[bytes.index(before: end)] < 0x80)
        guard edgeIsASCII else { return text.trimmingCharacters(in: .whitespaces) }
        return String(text[start..<end])
    }
}

extension StringProtocol {
    /// The text on one line: each run of line breaks (LF, CR, VT, FF, NEL,
    /// U+2028, U+2029), with the spaces and tabs beside it, becomes one space;
    /// a text without line breaks is returned as it is. Messages, table cells
    /// and comments are printed one per line, and quoted user text may hold
    /// any of these.
    func onOneLine() -> String {
        // Every line break's UTF-8 starts with one of these bytes; most texts
        // hold none, and the byte scan spares them the grapheme scan.
        let mayBreak = utf8.contains { $0 >= 0x0A && $0 <= 0x0D || $0 == 0xC2 || $0 == 0xE2 }
        guard mayBreak, contains(where: \.isNewline) else { return String(self) }
        return split(whereSeparator: \.isNewline)
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

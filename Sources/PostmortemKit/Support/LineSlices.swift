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
        var lines: [Substring] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var index = lineStart
        let end = bytes.endIndex
        while index != end {
            if bytes[index] == 10 {
                lines.append(self[lineStart..<index])
                bytes.formIndex(after: &index)
                lineStart = index
            } else {
                bytes.formIndex(after: &index)
            }
        }
        lines.append(self[lineStart..<end])
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

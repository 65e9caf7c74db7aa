import Foundation

/// Reads the entries of a Timeline section (SPEC §3.3): top-level list items
/// and table rows, each starting with a timestamp. Time-only entries take
/// their date from the previous entry, or from `started` for the first.
enum TimelineReader {
    /// What the section holds, in order: entries, and headings or lines that
    /// set the date for the time-only entries after them ("### 2024-03-15").
    private enum Item {
        case entry(location: SourceLocation, text: String)
        case date(LocalDate)
    }

    static func entries(in section: Section, started: Timestamp?) -> [TimelineEntry] {
        var items: [Item] = []
        for block in section.blocks { collect(block, into: &items) }
        var previous = started
        var entries: [TimelineEntry] = []
        for item in items {
            switch item {
            case .date(let date):
                // Time-only entries after a date heading belong to that day.
                let offset = previous?.utcOffset ?? 0
                previous = Timestamp(secondsSince1970: date.daysSince1970 * 86_400 - offset, utcOffset: offset)
            case let .entry(location, text):
                var entry = TimelineEntry(location: location, text: text, timestamp: nil, stampText: "",
                                          isTimeOnly: false, description: text)
                if let scanned = TimestampScanner.scanTimelineStamp(text) {
                    let stampEnd = text.utf8.index(text.utf8.startIndex, offsetBy: scanned.length)
                    entry.stampText = String(text[text.startIndex..<stampEnd])
                    entry.description = String(droppingSeparators(text[stampEnd...]))
                    entry.isTimeOnly = scanned.date == nil
                    entry.timestamp = resolve(scanned, after: previous)
                    if let stamp = entry.timestamp { previous = stamp }
                }
                entries.append(entry)
            }
        }
        return entries
    }

    /// What may stand between a stamp and its description.
    static let separators: Set<Character> = [" ", "\t", "—", "–", "-", ":", "|", "·"]

    /// `text` without its leading `separators`. Testing each `Character` of
    /// every entry was a third of reading a timeline, so separators are
    /// skipped as bytes while an ASCII byte or another separator follows (no
    /// character goes on past either, CR LF aside, and a CR is no
    /// separator), and any other ASCII byte ends the separators (a character
    /// that starts with it is none of them); the rest is left to the
    /// `Character` test.
    static func droppingSeparators(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard let length = separatorLength(utf8, at: index) else {
                if utf8[index] < 0x80 { return text[index...] }
                break
            }
            let next = utf8.index(index, offsetBy: length)
            // Before another separator the character ends too: none of them extends the one before.
            guard next == utf8.endIndex || utf8[next] < 0x80 || separatorLength(utf8, at: next) != nil else { break }
            index = next
        }
        return text[index...].drop { separators.contains($0) }
    }

    /// The length in bytes of the separator whose UTF-8 starts at `index`:
    /// the ASCII ones, and "—" (E2 80 94), "–" (E2 80 93) and "·" (C2 B7),
    /// which timelines write between a stamp and its text. Nil for anything else.
    private static func separatorLength(_ utf8: Substring.UTF8View, at index: Substring.UTF8View.Index) -> Int? {
        func byte(_ offset: Int) -> UInt8? {
            guard let position = utf8.index(index, offsetBy: offset, limitedBy: utf8.endIndex), position < utf8.endIndex else { return nil }
            return utf8[position]
        }
        switch utf8[index] {
        case 32, 9, 45, 58, 124: return 1
        case 0xE2: return byte(1) == 0x80 && (byte(2) == 0x94 || byte(2) == 0x93) ? 3 : nil
        case 0xC2: return byte(1) == 0xB7 ? 2 : nil
        default: return nil
        }
    }

    /// Fills in a missing date or offset from the reference instant.
    static func resolve(_ scanned: TimestampScanner.Result, after reference: Timestamp?) -> Timestamp? {
        let offset = scanned.utcOffset ?? reference?.utcOffset ?? 0
        if let date = scanned.date {
            return Timestamp(secondsSince1970: date.daysSince1970 * 86_400 + scanned.secondOfDay - offset, utcOffset: offset)
        }
        guard let reference else { return nil }
        let day = floorDiv(reference.secondsSince1970 + offset, 86_400)
        return Timestamp(secondsSince1970: day * 86_400 + scanned.secondOfDay - offset, utcOffset: offset)
    }

    private static func collect(_ block: MarkdownNode, into items: inout [Item]) {
        switch block.kind {
        case .list:
            for item in block.children {
                // The item's own first block; nested lists are details of the entry.
                let first = item.children.first { child in
                    if case .list = child.kind { return false }
                    return true
                }
                let text = (first?.plainText ?? "").trimmingSpaces()
                items.append(.entry(location: item.start, text: text))
            }
        case .table:
            for row in block.children {
                if case .tableRow(isHeader: true) = row.kind { continue }
                let cells = row.children.map { $0.plainText.trimmingSpaces() }
                items.append(.entry(location: row.start, text: cells.joined(separator: " | ")))
            }
        case .heading, .paragraph:
            // A heading or a line that is just a date ("### 2024-03-15", "**2024-03-15 (Friday)**").
            let text = block.plainText.trimmingSpaces()
            if text.utf8.count <= 160, text.count <= 40, let date = LocalDate(String(text.prefix(10))),
               text.count == 10 || !text.dropFirst(10).first!.isNumber && TimestampScanner.scanTimelineStamp(text) == nil {
                items.append(.date(date))
            }
        default:
            break
        }
    }
}

import Foundation

/// Reads the Action Items table (SPEC §3.4): columns by header name, in any order.
enum ActionTableReader {
    /// Header spellings that mean a standard column.
    static let columnAliases: [String: String] = [
        "due_date": "due", "due_by": "due", "assignee": "owner", "owners": "owner",
        "action_item": "action", "item": "action", "ticket_id": "ticket", "issue": "ticket",
    ]

    /// The column a header names: its `headerName`, aliases resolved.
    static func normalise(_ header: String) -> String {
        let name = headerName(header)
        return columnAliases[name] ?? name
    }

    /// A header's words (letters and digits, lower-cased) joined by "_".
    /// Splitting by `Character` was slow for every table of every file, so
    /// ASCII text is read from its bytes; any other goes through
    /// `unicodeHeaderName`, which gives the same name for ASCII text.
    static func headerName(_ header: String) -> String {
        var name: [UInt8] = []
        var pendingSeparator = false
        for byte in header.utf8 {
            guard byte < 0x80 else { return unicodeHeaderName(header) }
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                if pendingSeparator, !name.isEmpty { name.append(0x5F) }
                pendingSeparator = false
                name.append(lower)
            } else {
                pendingSeparator = true
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// `headerName` for any text, through Unicode case mapping and character classes.
    static func unicodeHeaderName(_ header: String) -> String {
        header.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
    }

    /// - Parameter lines: the file's lines, to point cell locations at their text rather than the padding.
    static func table(in section: Section, lines: [Substring]) -> ActionTable? {
        let isTable = { (node: MarkdownNode) -> Bool in if case .table = node.kind { return true } else { return false } }
        let found = section.blocks.lazy.compactMap { $0.firstBlock(where: isTable) }.first
        guard let table = found, let header = table.children.first else { return nil }
        let columns = header.children.map { normalise($0.plainText) }
        // Only a name that two columns share needs the lookup below, per cell.
        let repeated = Set(Dictionary(columns.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }.keys)
        var rows: [ActionItem] = []
        for row in table.children.dropFirst() {
            // Sized for every column at once: growing them cell by cell rehashed them twice per row.
            var cells = [String: String](minimumCapacity: columns.count)
            var locations = [String: SourceLocation](minimumCapacity: columns.count)
            var cursor = LineCursor()
            for (index, cell) in row.children.enumerated() where index < columns.count {
                let name = columns[index]
                guard !name.isEmpty, repeated.isEmpty || !repeated.contains(name) || cells[name] == nil else { continue }
                locations[name] = skipSpaces(from: cell.start, in: lines, cursor: &cursor)
                let text = cell.plainText.trimmingSpaces()
                if !text.isEmpty { cells[name] = text }
            }
            rows.append(ActionItem(location: row.start, cells: cells, cellLocations: locations))
        }
        return ActionTable(location: table.start, columns: columns, rows: rows)
    }

    /// Where a cell's text starts: `location` moved past the spaces and tabs
    /// that pad the cell.
    static func skipSpaces(from location: SourceLocation, in lines: [Substring]) -> SourceLocation {
        var cursor = LineCursor()
        return skipSpaces(from: location, in: lines, cursor: &cursor)
    }

    /// Where the previous cell of a row was found. A row's cells are on one
    /// line, left to right, so each is looked for from there rather than from
    /// the start of the line, which made a row cost the square of its cells.
    struct LineCursor {
        var line = 0
        var offset = 0
        var column = 1
    }

    static func skipSpaces(from location: SourceLocation, in lines: [Substring], cursor: inout LineCursor) -> SourceLocation {
        guard location.line >= 1, location.line <= lines.count else { return location }
        let utf8 = lines[location.line - 1].utf8
        let resume = cursor.line == location.line && cursor.column <= location.column ? cursor : LineCursor()
        if let found = utf8.withContiguousStorageIfAvailable({
            textColumn(in: $0, from: location.column, index: resume.offset, column: resume.column)
        }) {
            guard let found else { return location }
            cursor = LineCursor(line: location.line, offset: found.index, column: found.column)
            return SourceLocation(line: location.line, column: found.column)
        }
        // Bytes that are not contiguous (a bridged string): from the start of the line.
        return textColumn(in: utf8, from: location.column, index: utf8.startIndex, column: 1)
            .map { SourceLocation(line: location.line, column: $0.column) } ?? location
    }

    /// The column of the first scalar at or after column `start` that is no
    /// space or tab, and where it starts, reading on from `index` at
    /// `column`; nil when there is none. Columns count scalars, read off
    /// the UTF-8 bytes: a scalar starts at every byte but a continuation byte
    /// (10xxxxxx). Stepping through `unicodeScalars` from the start of the
    /// line for every cell was a quarter of reading the table.
    private static func textColumn<Bytes: Collection<UInt8>>(in bytes: Bytes, from start: Int, index: Bytes.Index,
                                                              column: Int) -> (index: Bytes.Index, column: Int)? {
        var column = column
        var index = index
        func nextScalar() {
            repeat { bytes.formIndex(after: &index) } while index < bytes.endIndex && bytes[index] & 0xC0 == 0x80
        }
        // Jump to the cell's column, then past its padding.
        while column < start, index < bytes.endIndex {
            nextScalar()
            column += 1
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte != 32, byte != 9 { return (index, column) }
            nextScalar()
            column += 1
        }
        return nil
    }
}

import Foundation

/// Reads the Action Items table (SPEC §3.4): columns by header name, in any order.
enum ActionTableReader {
    /// Header spellings that mean a standard column.
    static let columnAliases: [String: String] = [
        "due_date": "due", "due_by": "due", "assignee": "owner", "owners": "owner",
        "action_item": "action", "item": "action", "ticket_id": "ticket", "issue": "ticket",
    ]

    static func normalise(_ header: String) -> String {
        let words = header.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let name = words.joined(separator: "_")
        return columnAliases[name] ?? name
    }

    /// - Parameter lines: the file's lines, to point cell locations at their text rather than the padding.
    static func table(in section: Section, lines: [Substring]) -> ActionTable? {
        let isTable = { (node: MarkdownNode) -> Bool in if case .table = node.kind { return true } else { return false } }
        let found = section.blocks.lazy.compactMap { $0.firstBlock(where: isTable) }.first
        guard let table = found, let header = table.children.first else { return nil }
        let columns = header.children.map { normalise($0.plainText) }
        var rows: [ActionItem] = []
        for row in table.children.dropFirst() {
            var cells: [String: String] = [:]
            var locations: [String: SourceLocation] = [:]
            for (index, cell) in row.children.enumerated() where index < columns.count {
                let name = columns[index]
                guard !name.isEmpty, cells[name] == nil else { continue }
                locations[name] = skipSpaces(from: cell.start, in: lines)
                let text = cell.plainText.trimmingSpaces()
                if !text.isEmpty { cells[name] = text }
            }
            rows.append(ActionItem(location: row.start, cells: cells, cellLocations: locations))
        }
        return ActionTable(location: table.start, columns: columns, rows: rows)
    }

    private static func skipSpaces(from location: SourceLocation, in lines: [Substring]) -> SourceLocation {
        guard location.line >= 1, location.line <= lines.count else { return location }
        let line = lines[location.line - 1]
        var column = 1
        var index = line.unicodeScalars.startIndex
        // Jump to the cell's column, then past its padding.
        while column < location.column, index < line.unicodeScalars.endIndex {
            index = line.unicodeScalars.index(after: index)
            column += 1
        }
        while index < line.unicodeScalars.endIndex {
            let scalar = line.unicodeScalars[index]
            if scalar != " ", scalar != "\t" { return SourceLocation(line: location.line, column: column) }
            index = line.unicodeScalars.index(after: index)
            column += 1
        }
        return location
    }
}

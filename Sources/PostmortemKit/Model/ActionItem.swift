/// The table of the Action Items section (SPEC §3.4).
public struct ActionTable: Sendable, Hashable {
    public var location: SourceLocation
    /// Normalised header names in column order (`action`, `owner`, `due`, …).
    public var columns: [String]
    public var rows: [ActionItem]
}

/// One row of the action-item table.
public struct ActionItem: Sendable, Hashable {
    public var location: SourceLocation
    /// Normalised column name → the cell's visible text, trimmed. Empty cells are absent.
    public var cells: [String: String]
    /// Normalised column name → where the cell starts.
    public var cellLocations: [String: SourceLocation]

    public var action: String? { cells["action"] }
    public var owner: String? { cells["owner"] }
    public var priority: String? { cells["priority"] }
    public var due: String? { cells["due"] }
    /// Lower-cased, with spaces as hyphens ("In progress" → "in-progress").
    public var status: String? {
        cells["status"].map { cell in
            // Most cells are written that way already ("open", "in-progress"); the
            // rules ask for the status of every row several times.
            let isNormal = cell.utf8.allSatisfy { byte in
                byte < 0x80 && byte != 32 && byte != 0x5F && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            }
            return isNormal && !cell.isEmpty ? cell : ActionItem.normalisedStatus(cell)
        }
    }

    /// `status` for any cell, through Unicode case mapping.
    static func normalisedStatus(_ cell: String) -> String {
        cell.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
    }
    public var type: String? { cells["type"] }
    public var ticket: String? { cells["ticket"] }

    /// The row as the JSON object validated against `#/$defs/actionItem`.
    /// Status and priority are read without regard to case ("In progress",
    /// "p1"), as people write them in tables.
    public var json: JSONValue {
        var object = cells.mapValues { JSONValue.string($0) }
        if let status { object["status"] = .string(status) }
        if let priority = cells["priority"] { object["priority"] = .string(priority.uppercased()) }
        return .object(object)
    }

    /// Open or in progress: still expected to be done.
    public var isOutstanding: Bool {
        guard let status else { return true }
        return status == "open" || status == "in-progress"
    }

    public var dueDate: LocalDate? { due.flatMap(LocalDate.init) }

    public func location(ofColumn column: String) -> SourceLocation {
        cellLocations[column] ?? location
    }
}

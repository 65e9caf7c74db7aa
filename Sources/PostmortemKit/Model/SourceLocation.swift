/// A 1-based line and column in a postmortem file. Column counts Unicode
/// scalars from the start of the line, so an editor's column matches for
/// ASCII and is close for other text.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    /// Stored in 32 bits each: a parsed file holds several locations per
    /// Markdown node, and a large repository millions of nodes.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    private enum CodingKeys: String, CodingKey {
        case storedLine = "line", storedColumn = "column"
    }

    public init(line: Int, column: Int = 1) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

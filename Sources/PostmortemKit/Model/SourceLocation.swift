/// A 1-based line and column in a postmortem file. Column counts Unicode
/// scalars from the start of the line, so an editor's column matches for
/// ASCII and is close for other text.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

import Foundation

/// One file of the generated site: a path relative to the site root
/// (`/`-separated) and its bytes.
public struct SiteFile: Sendable, Hashable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

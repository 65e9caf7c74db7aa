import Foundation

/// Foundation's character sets are expensive to build; build each once.
enum CharacterSetCache {
    static let alphanumerics = CharacterSet.alphanumerics
    static let whitespaces = CharacterSet.whitespacesAndNewlines
}

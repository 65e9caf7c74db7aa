import Foundation

/// Foundation's character sets are expensive to build; build each once.
enum CharacterSetCache {
    nonisolated(unsafe) static let alphanumerics = CharacterSet.alphanumerics
    nonisolated(unsafe) static let whitespaces = CharacterSet.whitespacesAndNewlines
}

import Foundation

/// Turns people's names from exports ("Bob Okafor", "bob@example.com") into
/// handles: the roster's handle when the name, an alias or the handle matches
/// (ignoring case and accents), else `@first-last`.
public struct HandleResolver: Sendable {
    private var byKey: [String: String] = [:]

    public init(people: [Person]) {
        for person in people {
            for name in [person.name, String(person.handle.dropFirst())] + person.aliases {
                let key = HandleResolver.key(name)
                // The first person to claim a name keeps it; the roster is sorted by handle.
                if !key.isEmpty && byKey[key] == nil { byKey[key] = person.handle }
            }
        }
    }

    /// A handle for a name or e-mail address, or nil when nothing usable is left.
    public func handle(for name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let known = byKey[HandleResolver.key(trimmed)] { return known }
        // An e-mail address: its local part names the person.
        if let at = trimmed.firstIndex(of: "@"), at != trimmed.startIndex, !trimmed.contains(" ") {
            return handle(for: String(trimmed[..<at]).replacingOccurrences(of: ".", with: " "))
        }
        let slug = Slug.make(trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed, maxLength: 40)
        if let known = byKey[slug] { return known }
        return slug.isEmpty ? nil : "@" + slug
    }

    /// Handles for several names, without duplicates, in first-seen order.
    public func handles(for names: [String]) -> [String] {
        var seen = Set<String>()
        return names.compactMap(handle(for:)).filter { seen.insert($0.lowercased()).inserted }
    }

    private static func key(_ name: String) -> String {
        Slug.make(name, maxLength: 200)
    }
}

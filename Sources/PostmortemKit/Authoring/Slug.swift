import Foundation

/// Lower-case ASCII words joined by hyphens, for file names, service names
/// and handles made from free text ("Zoë's Café — API" → "zoe-s-cafe-api").
enum Slug {
    /// - Parameter maxLength: cut at the last hyphen that fits (or hard, for
    ///   one long word), so a slug never ends in a hyphen.
    /// - Returns: possibly empty, when the text has no Latin letters or digits.
    static func make(_ text: String, maxLength: Int = 60) -> String {
        // Accents are dropped ("é" → "e") rather than turned into separators.
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordScalar = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordScalar {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        guard slug.count > maxLength else { return slug }
        let cut = slug.prefix(maxLength)
        if slug.dropFirst(maxLength).first == "-" { return String(cut) }
        if let hyphen = cut.lastIndex(of: "-") { return String(cut[..<hyphen]) }
        return String(cut)
    }
}

import Foundation

/// Picks the next free `PM-YYYY-NNN` id: one more than the highest number
/// used for that year, counting the ids of files whose front matter does not
/// parse too (found by scanning their text), so that a broken file never
/// makes its id look free.
enum PostmortemIDAllocator {
    /// - Parameter postmortems: every file of the postmortems folder, parsed.
    static func nextID(year: Int, postmortems: [Postmortem]) -> String {
        var highest = 0
        for postmortem in postmortems {
            if let id = postmortem.id, let (idYear, number) = parse(id) {
                if idYear == year { highest = max(highest, number) }
            } else {
                // No readable id: every id-shaped text in the file counts.
                for line in postmortem.lines {
                    for (idYear, number) in scan(line) where idYear == year { highest = max(highest, number) }
                }
                for (idYear, number) in scan(Substring(postmortem.path)) where idYear == year { highest = max(highest, number) }
            }
        }
        let digits = String(highest + 1)
        return "PM-\(year)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// "PM-2024-007" → (2024, 7).
    static func parse(_ id: String) -> (year: Int, number: Int)? {
        let found = scan(Substring(id))
        guard found.count == 1, id.hasPrefix("PM-") else { return nil }
        return found[0]
    }

    /// Every `PM-` + 4 digits + `-` + 3 or more digits in the text.
    static func scan(_ text: Substring) -> [(year: Int, number: Int)] {
        let bytes = Array(text.utf8)
        var found: [(Int, Int)] = []
        var index = 0
        func digits(from start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
            return end - start
        }
        while index + 11 <= bytes.count {
            guard bytes[index] == UInt8(ascii: "P"), bytes[index + 1] == UInt8(ascii: "M"), bytes[index + 2] == UInt8(ascii: "-"),
                  digits(from: index + 3) == 4, bytes[index + 7] == UInt8(ascii: "-") else {
                index += 1
                continue
            }
            let count = digits(from: index + 8)
            // More than 9 digits is not an id anyone allocated; it would only overflow.
            if count >= 3 && count <= 9,
               let year = Int(String(decoding: bytes[(index + 3)..<(index + 7)], as: UTF8.self)),
               let number = Int(String(decoding: bytes[(index + 8)..<(index + 8 + count)], as: UTF8.self)) {
                found.append((year, number))
            }
            index += 8 + count
        }
        return found
    }
}

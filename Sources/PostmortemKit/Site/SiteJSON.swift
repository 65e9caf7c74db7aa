import Foundation

/// `index.json` and `actions.json`: the site's data for other tools, as JSON
/// with sorted keys, in the site's order (newest postmortem first).
enum SiteJSON {
    static let version = 1

    /// Every postmortem's front matter as written, with derived durations in seconds.
    static func index(_ entries: [SiteEntry]) -> JSONStream {
        .object([
            "version": .value(.integer(version)),
            "postmortems": .array(count: entries.count) { index in
                let entry = entries[index]
                var durations: [String: JSONValue] = [:]
                if let seconds = entry.timeToDetect { durations["time_to_detect_seconds"] = .integer(seconds) }
                if let seconds = entry.timeToMitigate { durations["time_to_mitigate_seconds"] = .integer(seconds) }
                if let seconds = entry.timeToResolve { durations["time_to_resolve_seconds"] = .integer(seconds) }
                var object: [String: JSONValue] = [
                    "id": .string(entry.id),
                    "path": .string(entry.postmortem.path),
                    "url": .string(entry.url),
                    "front_matter": entry.postmortem.frontMatter?.value ?? .object([:]),
                    "durations": .object(durations),
                ]
                if let hours = entry.draftedHoursAfterResolution { object["drafted_hours_after_resolution"] = .integer(hours) }
                return .object(object)
            },
        ])
    }

    /// Every action item with its postmortem and whether it is overdue on `today`.
    static func actions(_ entries: [SiteEntry], today: LocalDate) -> JSONStream {
        let rows = entries.indices.flatMap { entry in
            (entries[entry].postmortem.actionTable?.rows ?? []).map { (entry: entry, item: $0) }
        }
        return .object([
            "version": .value(.integer(version)),
            "today": .value(.string(today.description)),
            "actions": .array(count: rows.count) { index in
                let (entry, item) = (entries[rows[index].entry], rows[index].item)
                let action = SiteAction(item: item, today: today)
                var object = item.json.objectValue ?? [:]
                object["postmortem"] = .string(entry.id)
                object["url"] = .string(entry.url)
                object["status"] = .string(action.status)
                object["overdue"] = .bool(action.overdue)
                return .object(object)
            },
        ])
    }
}

import Foundation

/// Reads one channel of a Slack export, offline: the channel's folder of
/// daily `YYYY-MM-DD.json` files (each a list of messages), with the
/// workspace's `users.json` one level up (or in the folder) for names.
///
/// A message joins the timeline when it carries the chosen reaction or is
/// pinned. Its time is `ts` (UTC, whole seconds); its text is the message
/// with Slack markup turned into plain text; its author becomes a responder.
public struct SlackExportImporter: Sendable {
    /// The reaction that marks a message, without colons (e.g. `pushpin`).
    public var reaction: String

    public init(reaction: String) {
        let trimmed = reaction.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        self.reaction = trimmed.lowercased()
    }

    /// System messages about the channel itself, never part of a timeline.
    static let ignoredSubtypes: Set<String> = ["channel_join", "channel_leave", "channel_topic", "channel_purpose",
                                               "channel_name", "channel_archive", "channel_unarchive", "pinned_item",
                                               "unpinned_item", "group_join", "group_leave"]

    /// - Parameter folder: the channel's folder; `display` names it in messages.
    public func read(channelFolder folder: URL, display: String) throws(UsageError) -> ImportedIncident {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw UsageError("--from-slack \(display): no such folder")
        }
        guard isDirectory.boolValue else {
            throw UsageError("--from-slack \(display): not a folder; pass the folder of one channel from a Slack export (its YYYY-MM-DD.json files)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let days = names.filter(SlackExportImporter.isDailyFile).sorted()
        guard !days.isEmpty else {
            if names.contains("channels.json") || names.contains("users.json") {
                throw UsageError("--from-slack \(display): this is a whole workspace export; pass one channel's folder inside it")
            }
            throw UsageError("--from-slack \(display): no daily message files (YYYY-MM-DD.json); expected the folder of one channel from a Slack export")
        }
        let users = SlackExportImporter.userNames(near: folder)
        let channel = folder.standardizedFileURL.lastPathComponent

        var events: [TimelineEvent] = []
        var responders: [String] = []
        var messageCount = 0
        for day in days {
            let file = folder.appendingPathComponent(day)
            let json: JSONValue
            do { json = try JSONValue(jsonData: Data(contentsOf: file)) } catch {
                throw UsageError("--from-slack \(display)/\(day): not valid JSON")
            }
            guard let messages = json.arrayValue else {
                throw UsageError("--from-slack \(display)/\(day): not a list of messages")
            }
            for message in messages {
                guard message.objectValue != nil else { continue }
                if let subtype = message["subtype"]?.stringValue, SlackExportImporter.ignoredSubtypes.contains(subtype) { continue }
                guard let ts = SlackExportImporter.text(message["ts"]), let seconds = SlackExportImporter.seconds(ts) else { continue }
                messageCount += 1
                guard isMarked(message) else { continue }
                var text = SlackMarkup.plainText(message["text"]?.stringValue ?? "", names: users)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { text = SlackExportImporter.attachmentText(message) }
                guard !text.isEmpty else { continue }
                let author = SlackExportImporter.author(of: message, users: users)
                events.append(TimelineEvent(time: Timestamp(secondsSince1970: seconds),
                                            text: "Slack #\(channel), \(author ?? "unknown"): \(text)", tieBreaker: ts))
                if let author, SlackExportImporter.isPerson(message) { responders.append(author) }
            }
        }
        guard messageCount > 0 else {
            throw UsageError("--from-slack \(display): the export holds no messages")
        }
        guard !events.isEmpty else {
            throw UsageError("--from-slack \(display): none of its \(messageCount) messages has the :\(reaction): reaction or is pinned; mark the timeline's messages, or choose the reaction with --slack-reaction")
        }
        var result = ImportedIncident()
        result.timeline = events.sorted(by: TimelineEvent.chronological)
        result.responderNames = ImportedIncident.union(responders, [])
        result.sources = ["Slack #\(channel) (\(events.count) of \(messageCount) messages)"]
        return result
    }

    private func isMarked(_ message: JSONValue) -> Bool {
        if let pins = message["pinned_to"]?.arrayValue, !pins.isEmpty { return true }
        if message["is_pinned"]?.boolValue == true { return true }
        return (message["reactions"]?.arrayValue ?? []).contains { reactionEntry in
            // Skin-tone variants ("thumbsup::skin-tone-2") count as the reaction.
            guard let name = reactionEntry["name"]?.stringValue?.lowercased() else { return false }
            return name == reaction || name.hasPrefix(reaction + "::")
        }
    }

    static func isDailyFile(_ name: String) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        return LocalDate(String(name.dropLast(".json".count))) != nil
    }

    /// `ts` is "1710407520.000200": seconds, then a per-channel sequence.
    private static func seconds(_ ts: String) -> Int? {
        let whole = ts.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ts
        guard let value = Int(whole), value >= 0 else { return nil }
        return value
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string)?: return string
        case .number(let number)?: return String(format: "%.6f", number)
        case .integer(let number)?: return String(number)
        default: return nil
        }
    }

    private static func isPerson(_ message: JSONValue) -> Bool {
        message["subtype"]?.stringValue != "bot_message" && message["bot_id"] == nil && message["user"]?.stringValue != nil
    }

    private static func author(of message: JSONValue, users: [String: String]) -> String? {
        let profile = message["user_profile"]
        let candidates = [profile?["real_name"]?.stringValue, profile?["display_name"]?.stringValue,
                          message["user"]?.stringValue.flatMap { users[$0] },
                          message["username"]?.stringValue, message["bot_profile"]?["name"]?.stringValue,
                          message["user"]?.stringValue]
        return candidates.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    /// What a message without text shows: its attachments' or files' titles.
    private static func attachmentText(_ message: JSONValue) -> String {
        let attachments = (message["attachments"]?.arrayValue ?? []).compactMap { attachment in
            attachment["fallback"]?.stringValue ?? attachment["title"]?.stringValue ?? attachment["text"]?.stringValue
        }
        let files = (message["files"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue ?? $0["name"]?.stringValue }
        return (attachments + files).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    /// User id → name from `users.json` beside the channel folders (a
    /// workspace export) or inside the folder; empty when there is none or
    /// it cannot be read (names then come from the messages themselves).
    static func userNames(near folder: URL) -> [String: String] {
        for candidate in [folder.deletingLastPathComponent().appendingPathComponent("users.json"), folder.appendingPathComponent("users.json")] {
            guard let data = try? Data(contentsOf: candidate), let json = try? JSONValue(jsonData: data), let users = json.arrayValue else { continue }
            var names: [String: String] = [:]
            for user in users {
                guard let id = user["id"]?.stringValue else { continue }
                let options = [user["real_name"]?.stringValue, user["profile"]?["real_name"]?.stringValue,
                               user["profile"]?["display_name"]?.stringValue, user["name"]?.stringValue]
                if let name = options.compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) {
                    names[id] = name
                }
            }
            return names
        }
        return [:]
    }
}

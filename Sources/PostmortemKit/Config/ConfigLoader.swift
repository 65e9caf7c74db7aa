import Foundation

/// A problem that stops the tool before linting: a bad config, a missing
/// path, an unreadable schema. The CLI prints it on one line and exits 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Finds and reads `.postmortem.yml`, validating it against the config schema.
public enum ConfigLoader {
    public static let fileName = ".postmortem.yml"

    /// Walks up from `directory` to the first folder holding `.postmortem.yml`.
    public static func find(from directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Loads the config at `file`, or the one found from `workingDirectory`, or
    /// defaults rooted at `workingDirectory` when there is none.
    public static func load(file explicit: URL?, workingDirectory: URL) throws(UsageError) -> Config {
        guard let file = explicit ?? find(from: workingDirectory) else {
            return Config(root: workingDirectory.standardizedFileURL)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw UsageError("\(file.path): cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("\(file.path): the config file is not valid UTF-8")
        }
        return try parse(text: text, file: file)
    }

    /// Parses config text; `file` names it in errors and gives the root.
    public static func parse(text: String, file: URL) throws(UsageError) -> Config {
        let display = file.lastPathComponent
        var config = Config(root: file.deletingLastPathComponent().standardizedFileURL)
        config.file = file
        config.sourceText = text
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return config }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let (value, locations, problems) = FrontMatterParser.readMapping(yaml: normalised, lineOffset: 0, fallbackLine: 1, what: "config")
        if let problem = problems.first {
            throw UsageError("\(display):\(problem.location.line): \(problem.message)")
        }
        guard var value else { throw UsageError("\(display): config is empty") }
        // YAML 1.1 reads an unquoted `off` as false; in `rules:` it means the setting.
        if case .object(var object) = value, case .object(var rules)? = object["rules"] {
            for (rule, setting) in rules where setting == .bool(false) { rules[rule] = .string("off") }
            object["rules"] = .object(rules)
            value = .object(object)
        }
        let validator = BuiltInSchemas.config
        if let violation = validator.validate(value).first {
            let pointer = violation.missingProperty.map { violation.instancePointer + "/" + $0 } ?? violation.instancePointer
            var line = 1
            var probe = pointer
            while true {
                if let found = locations[probe] { line = found.line; break }
                guard let slash = probe.lastIndex(of: "/") else { break }
                probe = String(probe[..<slash])
            }
            let keyPath = pointer.isEmpty ? "config" : pointer.split(separator: "/")
                .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
                .joined(separator: ".")
            let message = violation.keyword == "additionalProperties"
                ? "unknown key \"\(keyPath)\" (allowed: see schema/config.schema.json)"
                : "\(keyPath): \(violation.message)"
            throw UsageError("\(display):\(line): \(message)")
        }
        guard case .object(let object) = value else { return config }
        if let path = object["postmortems"]?.stringValue { config.postmortems = path }
        config.schema = object["schema"]?.stringValue
        for (title, aliases) in object["sections"]?.objectValue ?? [:] {
            guard let kind = SectionKind(rawValue: title) else { continue }
            config.sectionAliases[kind] = aliases.arrayValue?.compactMap(\.stringValue) ?? []
        }
        for (rule, setting) in object["rules"]?.objectValue ?? [:] {
            if let parsed = setting.stringValue.flatMap(RuleSetting.init(rawValue:)) { config.rules[rule] = parsed }
        }
        for (handle, entry) in object["people"]?.objectValue ?? [:] {
            let name = entry["name"]?.stringValue ?? handle
            let aliases = entry["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? []
            config.people.append(Person(handle: handle, name: name, aliases: aliases))
        }
        config.people.sort { $0.handle < $1.handle }
        config.teams = (object["teams"]?.arrayValue ?? []).compactMap(\.stringValue)
            .map { $0.hasPrefix("@") ? $0 : "@" + $0 }.sorted()
        config.blamelessTerms = object["blameless"]?["terms"]?.arrayValue?.compactMap(\.stringValue) ?? []
        config.blamelessAllowed = object["blameless"]?["allowed"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let hours = object["late_draft_hours"]?.doubleValue { config.lateDraftHours = hours }
        if let hours = object["incident_window_hours"]?.doubleValue { config.incidentWindowHours = hours }
        if let title = object["site"]?["title"]?.stringValue { config.siteTitle = title }
        if let url = object["site"]?["base_url"]?.stringValue { config.siteBaseURL = url }
        if let today = object["today"]?.stringValue { config.today = LocalDate(today) }
        if let settings = object["import"] {
            // The config's entries override the defaults one by one, so a team
            // that only renames P5 keeps the rest of the mapping.
            func strings(_ value: JSONValue?) -> [String: String] {
                (value?.objectValue ?? [:]).compactMapValues(\.stringValue)
            }
            config.importSettings.override(severityByPriority: strings(settings["severity_by_priority"]),
                                           severityByUrgency: strings(settings["severity_by_urgency"]))
            if let reaction = settings["slack_reaction"]?.stringValue { config.importSettings.slackReaction = reaction }
        }
        return config
    }
}

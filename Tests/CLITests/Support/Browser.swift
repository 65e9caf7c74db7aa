import Foundation

/// Debian's headless Chromium, for tests that run the site's script from
/// `file://` as a reader's browser would.
enum Browser {
    /// The chromium binary, or nil when it is not installed (tests then skip).
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in ["/usr/bin"] + path.split(separator: ":").map(String.init) {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    struct Page {
        /// The DOM after scripts ran.
        var dom: String
        /// Chromium's log, which carries console messages and uncaught errors.
        var log: String

        /// Uncaught errors and refused loads from the log, plus what the
        /// page's own script recorded in `#pm-errors`.
        var scriptErrors: [String] {
            var errors = log.split(separator: "\n").map(String.init).filter {
                $0.contains("Uncaught") || $0.contains("Refused to") || ($0.contains("CONSOLE") && $0.contains("rror"))
            }
            if dom.contains("data-js-errors=\"yes\"") { errors.append("the page recorded a script error in #pm-errors") }
            return errors
        }

        /// Ids of the search results, in order.
        var resultIDs: [String] {
            dom.components(separatedBy: "<li data-id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        }

        func attribute(_ name: String) -> String? {
            guard let range = dom.range(of: " \(name)=\"") else { return nil }
            return dom[range.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
    }

    /// Loads `url` (a `file://` URL, query allowed), lets scripts and the
    /// index files they load finish, and returns the DOM and the log.
    static func load(_ url: String) throws -> Page {
        guard let executable else { throw CocoaError(.executableNotLoadable) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        let result = try CLI.runProcess(executable, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000",
            "--enable-logging=stderr", "--v=0", "--dump-dom", url,
        ], in: FileManager.default.temporaryDirectory, environment: environment)
        return Page(dom: result.stdout, log: result.stderr)
    }
}

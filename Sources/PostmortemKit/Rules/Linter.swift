import Foundation

/// Runs the rule catalogue over parsed postmortems: file rules in parallel,
/// repository rules once, then config severities and inline suppressions.
public struct Linter: Sendable {
    public var context: RuleContext
    /// File rules whose findings the lint cache keeps, those that read
    /// today (`Rule.readsToday`), which run on every lint, and both.
    private let fileRules: [any Rule]
    private let dailyRules: [any Rule]
    private let allFileRules: [any Rule]
    private let repositoryRules: [any RepositoryRule]

    public init(context: RuleContext) {
        self.context = context
        // Rules switched off in the config are never run.
        let enabled = RuleCatalogue.fileRules.filter { context.config.setting(for: $0.description.id) != .off }
        fileRules = enabled.filter { !$0.readsToday }.map { $0.init() }
        dailyRules = enabled.filter { $0.readsToday }.map { $0.init() }
        allFileRules = fileRules + dailyRules
        repositoryRules = RuleCatalogue.repositoryRules
            .filter { context.config.setting(for: $0.description.id) != .off }
            .map { $0.init() }
    }

    /// Lints `postmortems` (every file of the repository, so repository rules
    /// see them all) and reports findings only for files in `scope` (nil: all).
    /// Findings come back sorted by file, line, column and rule.
    public func lint(_ postmortems: [Postmortem], scope: Set<String>? = nil) -> [Finding] {
        lint(postmortems, scope: scope, cache: nil)
    }

    /// `lint(_:scope:)`, reusing and filling `cache`.
    ///
    /// With a `cache`, files whose findings it holds are not linted again
    /// (see `LintCache`), and the findings of the others are added to it;
    /// the rules that read today run on every file, from its summary.
    func lint(_ postmortems: [Postmortem], scope: Set<String>? = nil, cache: LintCache?) -> [Finding] {
        let targets = scope.map { scope in postmortems.filter { scope.contains($0.path) } } ?? postmortems
        var perFile = [[Finding]](repeating: [], count: targets.count)
        perFile.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: targets.count) { index in
                let postmortem = targets[index]
                if let early = postmortem.fileRuleFindings {
                    slots.buffer[index] = early
                    return
                }
                guard let cache, let key = cache.key(for: postmortem, in: context) else {
                    slots.buffer[index] = lintFile(postmortem, rules: allFileRules, summaryOnly: false)
                    return
                }
                if let cached = cache.findings(for: key, path: postmortem.path) {
                    slots.buffer[index] = cached + lintFile(postmortem, rules: dailyRules, summaryOnly: true)
                } else {
                    let findings = lintFile(postmortem, rules: fileRules, summaryOnly: false)
                    cache.store(findings, for: key)
                    slots.buffer[index] = findings + lintFile(postmortem, rules: dailyRules, summaryOnly: true)
                }
            }
        }
        var findings = perFile.flatMap { $0 }
        // Positions, not copies: copying every parsed postmortem into a
        // dictionary cost ten retains each, on one core.
        let byPath = Dictionary(targets.indices.map { (targets[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in repositoryRules {
            for finding in rule.check(postmortems, in: context) {
                guard let index = byPath[finding.path] else { continue }
                if let adjusted = adjust(finding, in: targets[index]) { findings.append(adjusted) }
            }
        }
        return findings.sorted(by: Finding.sortOrder)
    }

    /// The findings of every file rule in one parsed file (see `LoadOptions.lintsWhileParsing`).
    func fileRuleFindings(_ postmortem: Postmortem) -> [Finding] {
        lintFile(postmortem, rules: allFileRules, summaryOnly: false)
    }

    /// The findings of `rules` in one file; with `summaryOnly` (the daily
    /// rules alone) from what its summary holds, else from its Markdown.
    private func lintFile(_ summarised: Postmortem, rules: [any Rule], summaryOnly: Bool) -> [Finding] {
        guard !rules.isEmpty else { return [] }
        let postmortem = summaryOnly ? summarised : summarised.complete
        var findings: [Finding] = []
        // Rules of one file share what they derive from it (the blameless analysis).
        var fileContext = context
        fileContext.fileCache = FileAnalysisCache()
        for rule in rules {
            for finding in rule.check(postmortem, in: fileContext) {
                if let adjusted = adjust(finding, in: postmortem) { findings.append(adjusted) }
            }
        }
        return findings
    }

    /// Applies the configured severity and inline suppressions; nil drops it.
    private func adjust(_ finding: Finding, in postmortem: Postmortem) -> Finding? {
        if postmortem.suppressions.suppresses(rule: finding.rule, line: finding.line) { return nil }
        var adjusted = finding
        if let setting = context.config.setting(for: finding.rule) {
            guard let severity = setting.severity else { return nil }
            adjusted.severity = severity
        }
        return adjusted
    }
}

extension Finding {
    var path: String { file }
}

/// Lets `concurrentPerform` write disjoint slots of one buffer: each
/// iteration writes only its own index, so there is no data race.
struct UnsafeMutableBufferPointerBox<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

/// Every built-in rule, in id order: a plain list, no registration magic.
public enum RuleCatalogue {
    static let fileRules: [any Rule.Type] = [
        ActionsInvalidRule.self,
        ActionsMissingOwnerRule.self,
        ActionsNoneRule.self,
        ActionsOverdueRule.self,
        ActionsTableRule.self,
        ActionsUnknownOwnerRule.self,
        BlameLanguageRule.self,
        CounterfactualRule.self,
        HindsightRule.self,
        NamedIndividualRule.self,
        ImmutableFieldRule.self,
        ImpactQuantifiedRule.self,
        LateDraftRule.self,
        LengthRule.self,
        FrontMatterParseRule.self,
        UnreadableFileRule.self,
        RCADepthRule.self,
        SelfApprovalRule.self,
        SchemaViolationRule.self,
        DuplicateSectionRule.self,
        EmptySectionRule.self,
        UnknownSectionRule.self,
        MissingSectionRule.self,
        SectionOrderRule.self,
        SummaryLengthRule.self,
        TimeOrderRule.self,
        TimelineOrderRule.self,
        TimelineTooShortRule.self,
        TimelineUnparsedEntryRule.self,
        TimelineWindowRule.self,
    ]

    static let repositoryRules: [any RepositoryRule.Type] = [
        DuplicateIDRule.self,
        UnknownRelatedRule.self,
    ]

    /// Every rule's description, sorted by id.
    public static let descriptions: [RuleDescription] =
        (fileRules.map { $0.description } + repositoryRules.map { $0.description }).sorted { $0.id < $1.id }

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}

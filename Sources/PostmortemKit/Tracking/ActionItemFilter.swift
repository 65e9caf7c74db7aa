/// Which action items `postmortem actions` lists. Every set criterion must hold.
public struct ActionItemFilter: Sendable, Hashable {
    /// Only open and in-progress items.
    public var outstandingOnly = false
    /// Only overdue items (open or in progress, past due).
    public var overdueOnly = false
    /// Owner handle, with or without `@`, any case (`@payments/platform` works too).
    public var owner: String?
    /// A service the item's postmortem names.
    public var service: String?

    public init() {}

    public func matches(_ item: TrackedActionItem) -> Bool {
        if outstandingOnly && !item.isOutstanding { return false }
        if overdueOnly && !item.isOverdue { return false }
        if let owner {
            let wanted = ActionItemFilter.normalisedHandle(owner)
            guard let itemOwner = item.owner, ActionItemFilter.normalisedHandle(itemOwner) == wanted else { return false }
        }
        if let service, !item.services.contains(where: { $0.lowercased() == service.lowercased() }) { return false }
        return true
    }

    static func normalisedHandle(_ handle: String) -> String {
        let trimmed = handle.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.hasPrefix("@") ? trimmed : "@" + trimmed
    }
}

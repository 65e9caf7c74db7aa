/// Keeps `value` alive until the process ends, so that it is never freed.
///
/// For what a command holds until it exits, such as every parsed postmortem of
/// a repository: freeing 10,000 parsed files node by node ran on one core after
/// the report was ready and cost more than writing the report, while the
/// operating system takes the whole heap back at exit at once. Only for
/// values a command needs until it ends; never in the library.
func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Kept(value))
}

private final class Kept<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import Testing
@testable import PostmortemKit

struct HandleResolverTests {
    let resolver = HandleResolver(people: [Person(handle: "@bob", name: "Bob Okafor"),
                                           Person(handle: "@hiro", name: "Hiro Tanaka", aliases: ["Hiroshi"])])

    @Test func rosterNamesAliasesAndHandlesMapToTheRosterHandle() {
        #expect(resolver.handle(for: "Bob Okafor") == "@bob")
        #expect(resolver.handle(for: "bob okafor") == "@bob")
        #expect(resolver.handle(for: "Hiroshi") == "@hiro")
        #expect(resolver.handle(for: "hiro") == "@hiro")
        #expect(resolver.handle(for: "bob.okafor@basketful.example") == "@bob")
    }

    @Test func othersBecomeFirstLast() {
        #expect(resolver.handle(for: "Earline Greenholt") == "@earline-greenholt")
        #expect(resolver.handle(for: "Zoë Ångström") == "@zoe-angstrom")
        #expect(resolver.handle(for: "  ") == nil)
        #expect(resolver.handles(for: ["Bob Okafor", "bob okafor", "Priya Raman"]) == ["@bob", "@priya-raman"])
    }
}

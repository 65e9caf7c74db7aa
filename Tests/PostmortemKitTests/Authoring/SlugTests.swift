import Testing
@testable import PostmortemKit

struct SlugTests {
    @Test(arguments: [
        ("Checkout errors after pool exhaustion", "checkout-errors-after-pool-exhaustion"),
        ("Zoë's Café — API 502s", "zoe-s-cafe-api-502s"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("My Mail Service", "my-mail-service"),
        ("🔥🔥", ""),
        ("東京 region down", "region-down"),
    ])
    func makesLowerCaseASCIIWords(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func cutsAtAWordBoundaryWithinTheLimit() {
        let slug = Slug.make("aaaa bbbb cccc dddd", maxLength: 12)
        #expect(slug == "aaaa-bbbb")
        #expect(Slug.make("aaaa bbbb cccc", maxLength: 9) == "aaaa-bbbb")
        #expect(Slug.make(String(repeating: "x", count: 80)).count == 60)
    }
}

import Testing
@testable import PostmortemKit

struct SlackMarkupTests {
    let names = ["U1": "Priya Raman"]

    @Test(arguments: [
        ("<@U1> please roll back", "@Priya Raman please roll back"),
        ("<@U9|dana> is paging", "@dana is paging"),
        ("<@U9> unknown", "@U9 unknown"),
        ("see <#C1|incidents> and <#C2>", "see #incidents and #C2"),
        ("<https://grafana.example/d/x|dashboard>", "dashboard (https://grafana.example/d/x)"),
        ("<https://grafana.example/d/x>", "https://grafana.example/d/x"),
        ("<mailto:ops@example.com|ops@example.com>", "ops@example.com"),
        ("<!here> <!channel> <!subteam^S1|@sre> <!date^1710407520^{date}|Mar 14>", "@here @channel @sre Mar 14"),
        ("a &lt;b&gt; &amp;amp; c", "a <b> &amp; c"),
        ("unclosed < bracket and <@U1", "unclosed < bracket and <@U1"),
        ("x < y > z", "x < y > z"),
    ])
    func convertsToPlainText(markup: String, plain: String) {
        #expect(SlackMarkup.plainText(markup, names: names) == plain)
    }
}

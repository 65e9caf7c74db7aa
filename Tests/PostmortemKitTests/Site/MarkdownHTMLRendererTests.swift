import Testing
@testable import PostmortemKit

struct MarkdownHTMLRendererTests {
    func html(_ markdown: String) -> String {
        var anchors = AnchorSet()
        return MarkdownHTMLRenderer().render(MarkdownParser().parse(markdown).children, anchors: &anchors)
    }

    @Test func rawHTMLIsNeverRendered() {
        let out = html("""
        <script>alert(1)</script>

        Text <img src=x onerror=alert(1)> and <b onclick="x()">bold</b>.

        <!-- postmortem-disable-next-line timeline/window -->
        """)
        #expect(!out.contains("<script"))
        #expect(!out.contains("<img"))
        #expect(!out.contains("onerror"))
        #expect(!out.contains("<b"))
        #expect(!out.contains("<!--"))
        #expect(out.contains("<p>Text  and bold.</p>"))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
                      "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"])
    func unsafeLinksAreDroppedKeepingTheirText(destination: String) {
        let out = html("[click me](\(destination)) and <\(destination)>")
        #expect(!out.contains("<a "), "\(out)")
        #expect(out.contains("click me"))
    }

    @Test func safeLinksAreKeptAndEscaped() {
        let out = html("[a](https://example.com/?a=1&b=\"2\") [b](../x.md#t) [c](#timeline) [d](mailto:sre@example.com \"Mail 'us'\")")
        #expect(out.contains("<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">a</a>"))
        #expect(out.contains("<a href=\"../x.md#t\">b</a>"))
        #expect(out.contains("<a href=\"#timeline\">c</a>"))
        #expect(out.contains("title=\"Mail &#39;us&#39;\""))
    }

    @Test func textAndCodeAreEscaped() {
        let out = html("Use `</script>` & \"quotes\" <not a tag\n\n```html\n<script>x</script>\n```")
        #expect(out.contains("<code>&lt;/script&gt;</code> &amp; &quot;quotes&quot; &lt;not a tag"))
        #expect(out.contains("<pre><code class=\"language-html\">&lt;script&gt;x&lt;/script&gt;\n</code></pre>"))
    }

    @Test func headingsGetUniqueIDsAndNoSecondH1() {
        let out = html("# Title\n\n## Timeline\n\n### Timeline\n\n## main\n")
        #expect(out.contains("<h2 id=\"title\">Title</h2>"))
        #expect(out.contains("<h2 id=\"timeline\">Timeline</h2>"))
        #expect(out.contains("<h3 id=\"timeline-2\">Timeline</h3>"))
        #expect(out.contains("<h2 id=\"main-2\">main</h2>"), "ids of the page template are reserved")
        #expect(!out.contains("<h1"))
    }

    @Test func tablesListsAndTasksRender() {
        let out = html("| A | B |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n3. three\n4. four\n")
        #expect(out.contains("<th>A</th><th class=\"align-right\">B</th>"))
        #expect(out.contains("<td>1</td><td class=\"align-right\">2</td>"))
        #expect(out.contains("<li class=\"task done\"><span class=\"task-box\">☑</span> done</li>"))
        #expect(out.contains("<ol start=\"3\">"))
    }

    @Test func imagesNeedASafeSource() {
        #expect(html("![graph](img/p99.png)").contains("<img src=\"img/p99.png\" alt=\"graph\">"))
        #expect(!html("![x](javascript:alert(1))").contains("<img"))
        #expect(!html("![x](data:image/svg+xml,<svg onload=alert(1)>)").contains("<img"))
    }

    @Test func escapeCoversEveryMarkupCharacter() {
        #expect(HTML.escape("<a href='x' onerror=\"y\">&</a>") == "&lt;a href=&#39;x&#39; onerror=&quot;y&quot;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.slug("Resolution & Recovery") == "resolution-recovery")
        #expect(HTML.slug("¿¡") == "section")
        #expect(HTML.fileName("../PM 1/x") == "-PM-1-x")
    }
}

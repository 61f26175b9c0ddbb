package org.kinship.platform.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTest {
    private static final Markdown MARKDOWN = new Markdown();

    private static final String REL = "nofollow noopener noreferrer ugc";

    private static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote",
            "ul", "ol", "li", "hr", "h3", "h4", "h5", "h6", "a");

    private static final Map<String, Set<String>> ALLOWED_ATTRIBUTES = Map.of(
            "a", Set.of("href", "rel"),
            "ol", Set.of("start"));

    /** A start tag, read the way a browser does: a {@code >} inside a quoted value does not end it. */
    private static final Pattern START_TAG = Pattern.compile("<[a-zA-Z](?:\"[^\"]*\"|'[^']*'|[^'\">])*>?");

    private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"|'[^']*'");

    /** An event-handler attribute name, once the quoted values of the tag are blanked out. */
    private static final Pattern EVENT_HANDLER = Pattern.compile("[\\s/\"']on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    /** Characters a browser ignores or a human cannot see when reading a URL scheme. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Z}\\s]");

    /** Runs pathological input on a stack smaller than the JVM's default, so depth limits are really tested. */
    private static final long SMALL_STACK_BYTES = 256 * 1024;

    @BeforeAll
    static void warmUp() {
        // The time limits are about the algorithms, not about class loading and the first JIT pass.
        for (int i = 0; i < 20; i++) {
            MARKDOWN.render("# Hi\n\n> *a* **b** [c](https://c.example) `d`\n\n- e\n- f\n\n1. g\n\n```\nh\n```\n"
                    + "<i>x</i> https://x.example ![i](https://i.example)");
            MARKDOWN.render("[".repeat(2000) + "*a_ ".repeat(500) + "<!--".repeat(500) + "> ".repeat(100));
            MARKDOWN.render("`a".repeat(1000) + "\n\n" + "- *a*\n".repeat(300) + "*".repeat(600) + "x" + "*".repeat(600));
        }
    }

    // ----- ordinary Markdown -----

    static Stream<Arguments> ordinaryMarkdown() {
        return Stream.of(
                Arguments.of("Hello *world* and **you**",
                        "<p>Hello <em>world</em> and <strong>you</strong></p>\n"),
                Arguments.of("_a_ __b__ ***c***",
                        "<p><em>a</em> <strong>b</strong> <em><strong>c</strong></em></p>\n"),
                Arguments.of("- one\n- two\n\n1. a\n2. b",
                        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"),
                Arguments.of("3. three\n4. four",
                        "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"),
                Arguments.of("- a\n\n- b",
                        "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"),
                Arguments.of("> quoted\n> more",
                        "<blockquote>\n<p>quoted\nmore</p>\n</blockquote>\n"),
                Arguments.of("> - a\n>   - b",
                        "<blockquote>\n<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n</blockquote>\n"),
                Arguments.of("`<b>&amp;` code",
                        "<p><code>&lt;b&gt;&amp;amp;</code> code</p>\n"),
                Arguments.of("```js\n<script>alert(1)</script>\n&amp;\n```",
                        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n&amp;amp;\n</code></pre>\n"),
                Arguments.of("    indented <i>\n",
                        "<pre><code>indented &lt;i&gt;\n</code></pre>\n"),
                Arguments.of("[Kinship](https://kinship.example/a?b=1&c=2 \"Title\")",
                        "<p><a href=\"https://kinship.example/a?b=1&amp;c=2\" rel=\"" + REL + "\">Kinship</a></p>\n"),
                Arguments.of("[ref]\n\n[ref]: https://kinship.example/r",
                        "<p><a href=\"https://kinship.example/r\" rel=\"" + REL + "\">ref</a></p>\n"),
                Arguments.of("see https://kinship.example/x.",
                        "<p>see <a href=\"https://kinship.example/x\" rel=\"" + REL + "\">https://kinship.example/x</a>.</p>\n"),
                Arguments.of("mail help@kinship.example now",
                        "<p>mail <a href=\"mailto:help@kinship.example\" rel=\"" + REL + "\">help@kinship.example</a> now</p>\n"),
                Arguments.of("<https://kinship.example>",
                        "<p><a href=\"https://kinship.example\" rel=\"" + REL + "\">https://kinship.example</a></p>\n"),
                Arguments.of("# One\n## Two\n### Three\n#### Four\n###### Six",
                        "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>\n"),
                Arguments.of("Setext\n===", "<h3>Setext</h3>\n"),
                Arguments.of("a  \nb", "<p>a<br>\nb</p>\n"),
                Arguments.of("a\\\nb", "<p>a<br>\nb</p>\n"),
                Arguments.of("***", "<hr>\n"),
                Arguments.of("<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"),
                Arguments.of("<div>\n*shown*\n</div>", "<p>&lt;div&gt;\n<em>shown</em>\n&lt;/div&gt;</p>\n"),
                Arguments.of("<span title=\"*x*\">", "<p>&lt;span title=\"<em>x</em>\"&gt;</p>\n"),
                Arguments.of("I <3 you, a<b, <help@kinship.example>",
                        "<p>I &lt;3 you, a&lt;b, <a href=\"mailto:help@kinship.example\" rel=\"" + REL
                                + "\">help@kinship.example</a></p>\n"),
                Arguments.of("<https://kinship.example/a b>", "<p>&lt;<a href=\"https://kinship.example/a\" rel=\"" + REL
                        + "\">https://kinship.example/a</a> b&gt;</p>\n"),
                Arguments.of("A & B < C > D \"E\" 'F'", "<p>A &amp; B &lt; C &gt; D \"E\" 'F'</p>\n"),
                Arguments.of("\u00DCn\u00EFc\u00F6d\u00E9 \uD83D\uDE00", "<p>\u00DCn\u00EFc\u00F6d\u00E9 \uD83D\uDE00</p>\n"),
                Arguments.of("![a cat](https://img.example/cat.png \"t\")",
                        "<p><a href=\"https://img.example/cat.png\" rel=\"" + REL + "\">a cat</a></p>\n"),
                Arguments.of("![](https://img.example/cat.png)",
                        "<p><a href=\"https://img.example/cat.png\" rel=\"" + REL + "\">https://img.example/cat.png</a></p>\n"),
                Arguments.of("[![badge](https://img.example/b.svg)](https://kinship.example)",
                        "<p><a href=\"https://kinship.example\" rel=\"" + REL + "\">badge</a></p>\n"),
                Arguments.of("[rel](/path) [frag](#x) [bare](example.com) [js](javascript:void(0))",
                        "<p>rel frag bare js</p>\n"),
                Arguments.of("www.example.com is not linked without a scheme",
                        "<p>www.example.com is not linked without a scheme</p>\n"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("ordinaryMarkdown")
    void ordinaryMarkdownRendersAsExpected(String markdown, String expectedHtml) {
        RenderedText rendered = MARKDOWN.render(markdown);
        assertEquals(expectedHtml, rendered.html());
        assertSafe(markdown, rendered.html());
    }

    static Stream<Arguments> plainText() {
        return Stream.of(
                Arguments.of("Hello *world*\n\nsecond   paragraph", "Hello world second paragraph"),
                Arguments.of("- one\n- two\n\n> three", "one two three"),
                Arguments.of("```\nline one\n\n    line two\n```", "line one line two"),
                Arguments.of("a\u00A0\u00A0b\u2003c", "a b c"),
                Arguments.of("[link text](https://x.example)", "link text"),
                Arguments.of("`<script>` is shown, not run", "<script> is shown, not run"),
                Arguments.of("***", ""));
    }

    @ParameterizedTest
    @MethodSource
    void plainText(String markdown, String expected) {
        assertEquals(expected, MARKDOWN.render(markdown).plainText());
    }

    @Test
    void linksNeverOpenANewWindowNorKeepATitle() {
        Element a = Jsoup.parseBodyFragment(
                MARKDOWN.render("[a](https://x.example \"title\") https://y.example").html()).selectFirst("a");
        assertEquals(REL, a.attr("rel"));
        assertFalse(a.hasAttr("target"));
        assertFalse(a.hasAttr("title"));
    }

    // ----- XSS -----

    static Stream<Arguments> xssPayloads() throws IOException {
        List<Arguments> payloads = new ArrayList<>();
        try (InputStream in = MarkdownTest.class.getResourceAsStream("/xss/payloads.txt")) {
            assertTrue(in != null, "xss/payloads.txt is on the test class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isEmpty() && !line.startsWith("//")) {
                    payloads.add(Arguments.of(lineNumber, unescape(line)));
                }
            }
        }
        return payloads.stream();
    }

    @Test
    void thereAreEnoughXssPayloads() throws IOException {
        assertTrue(xssPayloads().count() >= 60);
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("xssPayloads")
    void xssPayloadIsDefused(int line, String payload) {
        assertSafe(payload, MARKDOWN.render(payload).html(), true);
        // The same payload quoted, listed and emphasised goes through other parts of the parser.
        assertSafe(payload, MARKDOWN.render("> " + payload.replace("\n", "\n> ")).html(), true);
        assertSafe(payload, MARKDOWN.render("- " + payload.replace("\n", "\n  ")).html(), true);
        assertSafe(payload, MARKDOWN.render("**" + payload + "**").html(), true);
    }

    @Test
    void rawHtmlIsShownAsTypedNotDropped() {
        RenderedText rendered = MARKDOWN.render("I typed <img src=x onerror=alert(1)> here");
        assertEquals("<p>I typed &lt;img src=x onerror=alert(1)&gt; here</p>\n", rendered.html());
        assertEquals("I typed <img src=x onerror=alert(1)> here", rendered.plainText());
    }

    @Test
    void imagesBecomeLinksSoNoReaderIsTracked() {
        String html = MARKDOWN.render("![](https://tracker.example/p.gif?u=1) ![x](https://tracker.example/q.gif)").html();
        Elements links = Jsoup.parseBodyFragment(html).select("a");
        assertAll(
                () -> assertTrue(Jsoup.parseBodyFragment(html).select("img").isEmpty(), html),
                () -> assertEquals(2, links.size(), html),
                () -> assertEquals("https://tracker.example/p.gif?u=1", links.get(0).attr("href")),
                () -> assertEquals("x", links.get(1).text()));
    }

    /** Random Markdown and HTML soup; the seed is fixed so a failure can be reproduced. */
    @Test
    void randomMarkupOnlyEverYieldsAllowedTagsAndAttributes() {
        String[] alphabet = {
            "<", ">", "</", "/>", "script", "img", "svg", "iframe", "a", "href", "src", "=", "\"", "'", "`",
            " ", "  ", "\n", "\n\n", "\t", "    ", "*", "**", "_", "__", "[", "]", "(", ")", "![", "](", "!",
            "#", "> ", "- ", "1. ", "+ ", "---", "```", "~~~", "\\", "&", "&#", "&#x", ";", "&lt;", "&quot;",
            "javascript:", "JaVaScRiPt:", "vbscript:", "data:", "http://", "https://", "mailto:", "www.",
            "x.example", "@", "alert(1)", "onerror", "onload", " on", "style", "<!--", "-->", "<![CDATA[",
            "\u0000", "\u200B", "\uFEFF", "\u00A0", "e", "9", ":", "%0a", "|", "$", "{", "}"};
        Random random = new Random(20_240_611L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder source = new StringBuilder();
            int tokens = random.nextInt(120);
            for (int t = 0; t < tokens; t++) {
                source.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String markdown = source.toString();
            assertSafe("random #" + i + ": " + markdown, MARKDOWN.render(markdown).html());
        }
    }

    // ----- size, nesting and time -----

    @Test
    void sourceLongerThanTheLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MARKDOWN.render("a".repeat(Markdown.MAX_SOURCE_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> MARKDOWN.render("\uD83D\uDE00".repeat(Markdown.MAX_SOURCE_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> MARKDOWN.render("a".repeat(10 * Markdown.MAX_SOURCE_LENGTH)));
        assertThrows(NullPointerException.class, () -> MARKDOWN.render(null));
    }

    @Test
    void sourceAtTheLimitCountsCodePointsLikeTheOtherTextLimits() {
        assertEquals(Markdown.MAX_SOURCE_LENGTH, MARKDOWN.render("a".repeat(Markdown.MAX_SOURCE_LENGTH)).plainText().length());
        String emoji = "\uD83D\uDE00".repeat(Markdown.MAX_SOURCE_LENGTH);
        assertEquals(emoji, MARKDOWN.render(emoji).plainText());
    }

    static Stream<Arguments> pathologicalInput() {
        return Stream.of(
                Arguments.of("10,000 nested >", ">".repeat(10_000) + " deep"),
                Arguments.of("9,998 nested '> '", "> ".repeat(9_998) + "deep"),
                Arguments.of("5,000 nested list items", "- ".repeat(5_000) + "deep"),
                Arguments.of("5,000 nested numbered items", "1. ".repeat(5_000) + "deep"),
                Arguments.of("2,500 nested quote-in-list", "> - ".repeat(2_500) + "deep"),
                Arguments.of("indented nested list lines",
                        IntStream.range(0, 135).mapToObj(i -> " ".repeat(2 * i) + "- deep\n").collect(Collectors.joining())),
                Arguments.of("quote lines getting deeper",
                        IntStream.range(1, 190).mapToObj(i -> ">".repeat(i) + " deep\n").collect(Collectors.joining())),
                Arguments.of("20,000 [", "[".repeat(20_000)),
                Arguments.of("nested brackets", "[".repeat(9_998) + "deep" + "]".repeat(9_998)),
                Arguments.of("nested links", "[".repeat(3_000) + "deep" + "](https://x.example)".repeat(800)),
                Arguments.of("nested images", "![".repeat(3_900) + "deep" + "](u)".repeat(3_000)),
                Arguments.of("20,000 *", "*".repeat(20_000)),
                Arguments.of("5,000 nested strong", "*".repeat(9_998) + "deep" + "*".repeat(9_998)),
                Arguments.of("5,000 nested strong with _", "_".repeat(9_998) + "deep" + "_".repeat(9_998)),
                Arguments.of("nested strong in a heading", "# " + "*".repeat(9_990) + "deep" + "*".repeat(9_990)),
                Arguments.of("nested strong over quoted lines",
                        ("> " + "*".repeat(96) + "\n").repeat(100) + "> deep\n" + ("> " + "*".repeat(96) + "\n").repeat(100)),
                Arguments.of("255 nested images, just under the density bound",
                        "![".repeat(255) + "deep" + "](https://x.example/i.png)".repeat(255)),
                Arguments.of("nested images and links",
                        "![[".repeat(1_500) + "deep" + "](u)](https://x.example)".repeat(550)),
                Arguments.of("*a repeated", "*a ".repeat(6_600)),
                Arguments.of("nested emphasis", "*a **a ".repeat(1_400) + "deep" + " a** a*".repeat(1_400)),
                Arguments.of("emphasis closers without openers", "a_ ".repeat(6_600)),
                Arguments.of("mismatched openers and closers", "*a_ ".repeat(5_000)),
                Arguments.of("openers and closers multiple of 3", "a**b" + "c* ".repeat(6_600)),
                Arguments.of("link openers and emphasis closers", "[ a_".repeat(5_000)),
                Arguments.of("[ (]( repeated", "[ (](".repeat(4_000)),
                Arguments.of("![[]() repeated", "![[]()".repeat(3_300)),
                Arguments.of("backtick storm",
                        IntStream.range(1, 195).mapToObj(i -> "e" + "`".repeat(i)).collect(Collectors.joining())),
                Arguments.of("`a repeated", "`a".repeat(10_000)),
                Arguments.of("20,000 backticks", "`".repeat(20_000)),
                Arguments.of("unclosed link destinations <", "[a](<b".repeat(3_300)),
                Arguments.of("unclosed link destinations", "[a](b".repeat(4_000)),
                Arguments.of("unclosed HTML comments", "</" + "<!--".repeat(4_999)),
                Arguments.of("20,000 <", "<".repeat(20_000)),
                Arguments.of("many reference definitions",
                        IntStream.range(0, 1_000).mapToObj(i -> "[" + i + "]: u\n").collect(Collectors.joining())
                                + "[0] ".repeat(2_000)),
                Arguments.of("20,000 &#", "&#".repeat(10_000)),
                Arguments.of("many bare URLs", "https://x.example/ ".repeat(1_000)),
                Arguments.of("20,000 spaces then text", " ".repeat(19_990) + "deep"),
                Arguments.of("emoji and comments at the code-point limit", "\uD83D\uDE00<!--".repeat(4_000)),
                Arguments.of("20,000 newlines", "\n".repeat(20_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalInput")
    void pathologicalInputRendersQuicklyOnASmallStack(String name, String markdown) {
        Rendering rendering = renderOnSmallStack(markdown);
        RenderedText rendered = rendering.result();

        // The rendering thread's own CPU time: the machine may be busy with other builds, and
        // wall-clock time would measure them too. Wall-clock still has a loose bound for hangs.
        assertTrue(rendering.cpu().compareTo(Duration.ofSeconds(1)) < 0,
                name + " took " + rendering.cpu().toMillis() + " ms of CPU");
        assertTrue(rendering.wall().compareTo(Duration.ofSeconds(10)) < 0,
                name + " took " + rendering.wall().toMillis() + " ms");
        assertSafe(name, rendered.html());
        assertTrue(rendered.html().length() < 8 * markdown.length() + 1_000,
                name + " grew to " + rendered.html().length() + " characters");
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertTrue(maxDepth(body, Set.of("blockquote", "ul", "ol")) <= Markdown.MAX_BLOCK_DEPTH, name);
        assertTrue(maxDepth(body, Set.of("em", "strong", "a")) <= Markdown.MAX_INLINE_DEPTH, name);
        if (markdown.contains("deep")) {
            assertTrue(rendered.plainText().contains("deep"), name + " lost its text");
        }
    }

    @Test
    void tooDeepQuotesAreFlattenedToTheLimitAndKeepTheirText() {
        RenderedText rendered = MARKDOWN.render(">".repeat(10_000) + " deep\n\nafter");
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals(Markdown.MAX_BLOCK_DEPTH, maxDepth(body, Set.of("blockquote")));
        assertEquals("deep after", rendered.plainText());
        assertEquals("after", body.child(1).text());
    }

    @Test
    void tooDeepListsAreFlattenedToTheLimitAndKeepTheirItemsApart() {
        RenderedText rendered = MARKDOWN.render("- ".repeat(100) + "a\n" + "  ".repeat(99) + "- b");
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals(Markdown.MAX_BLOCK_DEPTH, maxDepth(body, Set.of("ul")));
        assertEquals("a b", rendered.plainText());
        Elements deepest = body.select("li:not(:has(li))");
        assertEquals(1, deepest.size(), rendered.html());
        assertEquals(List.of("a", "b"), deepest.first().select("p").eachText(), rendered.html());
    }

    @Test
    void aParagraphDenseEnoughToNestHundredsDeepIsShownAsTyped() {
        String dense = "*".repeat(300) + "x" + "*".repeat(300) + " _y_ [a](/b) \\* `c*d`";
        RenderedText rendered = MARKDOWN.render("*kept*\n\n" + dense + "\n\n> [kept too](https://k.example)");
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals("<em>kept</em>", body.child(0).html());
        // Shown as typed, except that an escape already written still escapes, and that the
        // escaping added inside a code span shows: the price of a paragraph nobody writes.
        assertEquals("*".repeat(300) + "x" + "*".repeat(300) + " _y_ [a](/b) * c\\*d", body.child(1).text());
        assertTrue(body.child(1).select("em, strong, a").isEmpty(), rendered.html());
        assertEquals("https://k.example", body.selectFirst("blockquote a").attr("href"));
    }

    @Test
    void ordinaryMarkupBelowTheDensityBoundIsNotEscaped() {
        String links = IntStream.range(0, 150).mapToObj(i -> "[l" + i + "](https://x.example/" + i + ")")
                .collect(Collectors.joining(" "));
        String emphasis = "*a* _b_ **c** ".repeat(40) + "snake_case_words_".repeat(100);
        String code = "```\n" + "*_[]".repeat(1_000) + "\n```";
        RenderedText rendered = MARKDOWN.render(links + "\n\n" + emphasis + "\n\n" + code);
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertEquals(150, body.select("a").size());
        assertEquals(80, body.select("em").size());
        assertEquals(40, body.select("strong").size());
        assertEquals("*_[]".repeat(1_000) + "\n", body.selectFirst("pre code").wholeText());
    }

    @Test
    void nestingUpToTheLimitIsKept() {
        String html = MARKDOWN.render("> ".repeat(Markdown.MAX_BLOCK_DEPTH) + "x").html();
        assertEquals(Markdown.MAX_BLOCK_DEPTH, maxDepth(Jsoup.parseBodyFragment(html).body(), Set.of("blockquote")));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> sources = List.of("# a\n\n*b* [c](https://c.example)", "> - x\n> - y", "![i](https://i.example)",
                "<script>alert(1)</script> `code`", "1. a\n2. b\n\n---\n\nhttps://z.example");
        List<String> expected = sources.stream().map(s -> MARKDOWN.render(s).html()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i % sources.size();
                results.add(pool.submit(() -> MARKDOWN.render(sources.get(n)).html().equals(expected.get(n))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ----- helpers -----

    /**
     * Checks the rendered HTML as a browser would see it: parsed, every element and attribute
     * against the allow-list, every href by its scheme after removing what a browser ignores.
     */
    private static void assertSafe(String source, String html) {
        assertSafe(source, html, false);
    }

    /**
     * With {@code strict}, no href may even mention a dangerous scheme; without, only its own
     * scheme counts (random text may well write {@code https://a/vbscript:}, which is harmless).
     */
    private static void assertSafe(String source, String html, boolean strict) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String tag : List.of("<script", "<iframe", "<img", "<svg", "<object", "<embed", "<style", "<link",
                "<meta", "<base", "<form", "<input", "<math")) {
            assertFalse(lower.contains(tag), () -> "found " + tag + " for " + source + "\n" + html);
        }
        // Quoted values are blanked first: an href may well contain "/onerror=" as harmless text.
        Matcher tags = START_TAG.matcher(html);
        while (tags.find()) {
            String tag = QUOTED_VALUE.matcher(tags.group()).replaceAll("\"\"");
            assertFalse(EVENT_HANDLER.matcher(tag).find(), () -> "event handler in " + tag + " for " + source + "\n" + html);
        }

        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            assertTrue(ALLOWED_TAGS.contains(tag), () -> "<" + tag + "> for " + source + "\n" + html);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertTrue(ALLOWED_ATTRIBUTES.getOrDefault(tag, Set.of()).contains(key),
                        () -> tag + "@" + key + " for " + source + "\n" + html);
                assertFalse(key.startsWith("on"), () -> key + " for " + source + "\n" + html);
                if (key.equals("href")) {
                    String href = INVISIBLE.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
                    assertTrue(href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:"),
                            () -> "href " + attribute.getValue() + " for " + source + "\n" + html);
                    for (String scheme : List.of("javascript:", "vbscript:", "data:", "livescript:")) {
                        assertFalse(strict ? href.contains(scheme) : href.startsWith(scheme),
                                () -> "href " + attribute.getValue() + " for " + source);
                    }
                }
                if (key.equals("rel")) {
                    assertEquals(REL, attribute.getValue());
                }
                if (key.equals("start")) {
                    assertTrue(attribute.getValue().matches("\\d{1,9}"), () -> "start=" + attribute.getValue());
                }
            }
        }
        for (Node node : body.getAllElements().stream().flatMap(e -> e.childNodes().stream()).toList()) {
            assertTrue(node instanceof Element || node instanceof org.jsoup.nodes.TextNode,
                    () -> node.nodeName() + " node for " + source + "\n" + html);
        }
    }

    /** The deepest chain of the given elements, counted without recursion. */
    private static int maxDepth(Element root, Set<String> tags) {
        int max = 0;
        for (Element element : root.getAllElements()) {
            if (!tags.contains(element.normalName())) {
                continue;
            }
            int depth = 0;
            for (Element e = element; e != null && e != root; e = e.parent()) {
                if (tags.contains(e.normalName())) {
                    depth++;
                }
            }
            max = Math.max(max, depth);
        }
        return max;
    }

    private record Rendering(RenderedText result, Duration cpu, Duration wall) {
    }

    private static Rendering renderOnSmallStack(String markdown) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicReference<RenderedText> result = new AtomicReference<>();
        AtomicReference<Duration> cpu = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            try {
                result.set(MARKDOWN.render(markdown));
            } catch (Throwable t) {
                failure.set(t);
            }
            cpu.set(Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart));
        }, "markdown-small-stack", SMALL_STACK_BYTES);
        long wallStart = System.nanoTime();
        thread.start();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        assertFalse(thread.isAlive(), "render did not finish in 30 s");
        assertNull(failure.get(), () -> "render threw " + failure.get());
        return new Rendering(result.get(), cpu.get(), wall);
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}

package org.kinship.platform.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns what a member wrote into HTML that can go into a page that other members, some of them in
 * crisis, will read. Members write CommonMark; a bare {@code https://} address or an e-mail address
 * becomes a link without brackets because people paste them and expect them to work.
 *
 * <p>What a member may write, and why the rest is refused:
 * <ul>
 *   <li>Paragraphs, line breaks, emphasis, strong emphasis, inline code, code blocks, block quotes,
 *       bullet and numbered lists (a numbered list may start anywhere), thematic breaks, headings
 *       and links to {@code http}, {@code https} and {@code mailto} addresses.</li>
 *   <li>No HTML at all: {@code <} is a character like any other (or the start of an autolink such
 *       as {@code <https://...>}), so {@code <b>} shows up as typed. Allowing "just a few safe tags"
 *       means one forgotten tag or attribute in a hand-kept list is a stored XSS against every
 *       reader of a thread, and nobody in a peer-support group needs raw HTML to say what they
 *       mean.</li>
 *   <li>No images. An image is fetched by every reader's browser the moment the post is shown, so
 *       whoever runs the image's host learns each reader's IP address and when they read the post:
 *       enough to tell that someone is in a community about self-harm or addiction. An image is
 *       turned into an ordinary link to the same address (its alt text, or the address, as the link
 *       text), which a reader may follow or not. Inside a link it becomes its alt text.</li>
 *   <li>Headings are moved down two levels ({@code #} is {@code h3}, anything from {@code ####} on
 *       is {@code h6}) because the page around a post owns {@code h1} (the community) and {@code h2}
 *       (the thread); a member's heading should not shout over them or break the page's outline
 *       for screen readers.</li>
 *   <li>Links carry {@code rel="nofollow noopener noreferrer ugc"} and never {@code target}: the
 *       reader's browser tells the linked site nothing about where the reader came from, the
 *       linked page cannot script the forum's tab, and search engines do not reward link spam. A
 *       link to anything else (relative addresses, {@code javascript:}, {@code data:}, ...) keeps
 *       its text and loses the link.</li>
 * </ul>
 *
 * <p>Safety does not rest on one library. The parser here never reads HTML and the renderer would
 * escape it anyway; this class rewrites the syntax tree (images, headings, links, nesting); the
 * renderer drops unsafe URLs; and jsoup then cleans the output against an explicit allow-list. A
 * bug or a changed default in one of them is caught by the next: commonmark's own URL sanitizer,
 * for one, lets {@code data:} through.
 *
 * <p>Nesting is capped ({@link #MAX_BLOCK_DEPTH}, {@link #MAX_INLINE_DEPTH}): commonmark builds a
 * tree as deep as the input asks for and both its autolink extension and its renderer walk that tree
 * recursively, so a post of ten thousand {@code >} would overflow the stack. Anything nested deeper
 * keeps its text but loses the extra levels; this happens in a post-processor that walks the tree
 * with a loop and runs before the autolink extension's recursive one. commonmark's inline parser
 * also recurses over each paragraph's finished tree before any post-processor runs, so a paragraph
 * whose markup <em>could</em> nest a few hundred levels deep (thousands of {@code *} or {@code [})
 * is shown as typed instead, its {@code * _ [ ]} escaped in the source before the real parse. No
 * person writes such a paragraph; the other paragraphs of the post keep their formatting.
 *
 * <p>One instance is meant to be created once and shared: commonmark's parser and renderer and
 * jsoup's safelist are built here and only read afterwards.
 */
public final class Markdown {
    /**
     * Longest source accepted, in Unicode code points like the other text limits. Callers check it
     * first and tell the member; {@link #render} refuses longer input so that no path can make it
     * do unbounded work. Markdown syntax is ASCII, so the costly part of any input is at most this
     * many {@code char}s.
     */
    public static final int MAX_SOURCE_LENGTH = 20_000;

    /** Block quotes and lists nested deeper than this lose the extra levels but keep their text. */
    public static final int MAX_BLOCK_DEPTH = 16;

    /** Emphasis and links nested deeper than this lose the extra levels but keep their text. */
    public static final int MAX_INLINE_DEPTH = 16;

    /**
     * A bound on how deep commonmark's inline parser may have to recurse in one paragraph; chosen
     * far above what people write and far below what overflows even a small thread stack.
     */
    private static final int MAX_PARSED_INLINE_NESTING = 256;

    /** Heading levels taken by the page around a post. */
    private static final int HEADING_SHIFT = 2;

    private static final String LINK_REL = "nofollow noopener noreferrer ugc";

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr",
                    "h3", "h4", "h5", "h6", "a")
            .addAttributes("ol", "start")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", LINK_REL);

    /**
     * Every CommonMark block but raw HTML: a line starting with {@code <div>} is a paragraph like
     * any other, so what a member typed is shown, not swallowed into an HTML block.
     */
    private static final Set<Class<? extends Block>> BLOCK_TYPES = Set.of(BlockQuote.class, Heading.class,
            FencedCodeBlock.class, IndentedCodeBlock.class, ThematicBreak.class, ListBlock.class);

    private final Parser parser;
    private final HtmlRenderer renderer;

    /**
     * Finds the blocks, exactly as {@link #parser} does, and where their inline content lies in
     * the source, without parsing the inline content (the part that could recurse too deeply).
     */
    private final Parser blockParser;

    public Markdown() {
        List<Extension> extensions = List.of(AutolinkExtension.create());
        // Post-processors run in the order they are added, and extensions add theirs when
        // extensions(...) is called: ours must come first so the autolink visitor (recursive)
        // only ever sees a tree whose depth is already bounded.
        this.parser = Parser.builder()
                .enabledBlockTypes(BLOCK_TYPES)
                .customInlineContentParserFactory(new LessThanFactory())
                .postProcessor(Markdown::confine)
                .extensions(extensions)
                .build();
        this.blockParser = Parser.builder()
                .enabledBlockTypes(BLOCK_TYPES)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .inlineParserFactory(context -> (lines, block) -> {
                    Text where = new Text();
                    where.setSourceSpans(lines.getSourceSpans());
                    block.appendChild(where);
                })
                .build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                // Spaces, quotes and angle brackets in an address become %20, %22, %3C...: the
                // href then reads as one token to anything that looks at it, not only to jsoup.
                .percentEncodeUrls(true)
                .build();
    }

    /**
     * Cleans HTML written on another server (a federated post) with the same allow-list as our own
     * rendering: what survives is what a local post could contain, nothing more.
     */
    public RenderedText cleanForeignHtml(String html) {
        Objects.requireNonNull(html, "html");
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, "", SAFELIST, output);
        String text = Jsoup.parseBodyFragment(cleaned).text();
        return new RenderedText(cleaned, WHITESPACE.matcher(text).replaceAll(" ").strip());
    }

    /**
     * Renders a member's Markdown.
     *
     * @throws NullPointerException if {@code markdown} is null
     * @throws IllegalArgumentException if it is longer than {@link #MAX_SOURCE_LENGTH} code points
     */
    public RenderedText render(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        if (markdown.length() > MAX_SOURCE_LENGTH
                && (markdown.length() > 2 * MAX_SOURCE_LENGTH
                        || markdown.codePointCount(0, markdown.length()) > MAX_SOURCE_LENGTH)) {
            throw new IllegalArgumentException(
                    "Markdown source longer than " + MAX_SOURCE_LENGTH + " characters");
        }
        String unsafe = renderer.render(parser.parse(escapeTooDenseInlineMarkup(markdown)));
        // A fresh OutputSettings per call: it is mutable and the cleaned document keeps a reference.
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String html = Jsoup.clean(unsafe, "", SAFELIST, output);
        String text = Jsoup.parseBodyFragment(html).text();
        return new RenderedText(html, WHITESPACE.matcher(text).replaceAll(" ").strip());
    }

    /**
     * Escapes {@code * _ [ ]} in the paragraphs and headings whose markup could nest deeper than
     * {@link #MAX_PARSED_INLINE_NESTING}, leaving everything else byte for byte as it was. Escaping
     * inside a paragraph cannot change which lines are paragraphs, so the real parse sees the same
     * blocks.
     */
    private String escapeTooDenseInlineMarkup(String source) {
        if (new MarkupCount(false).add(source, 0, source.length()).nestingBound() <= MAX_PARSED_INLINE_NESTING) {
            return source; // what every ordinary post takes: one cheap count over the whole text
        }
        List<SourceSpan> tooDense = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(blockParser.parse(source));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Text where) {
                MarkupCount count = new MarkupCount(true);
                for (SourceSpan span : where.getSourceSpans()) {
                    count.add(source, span.getInputIndex(), end(span));
                }
                if (count.nestingBound() > MAX_PARSED_INLINE_NESTING) {
                    tooDense.addAll(where.getSourceSpans());
                }
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                pending.push(child);
            }
        }
        if (tooDense.isEmpty()) {
            return source;
        }
        tooDense.sort(Comparator.comparingInt(SourceSpan::getInputIndex));
        StringBuilder escaped = new StringBuilder(source.length() + source.length() / 2);
        int copied = 0;
        for (SourceSpan span : tooDense) {
            escaped.append(source, copied, span.getInputIndex());
            for (int i = span.getInputIndex(); i < end(span); i++) {
                char c = source.charAt(i);
                if (c == '\\' && i + 1 < end(span) && isAsciiPunctuation(source.charAt(i + 1))) {
                    escaped.append(c).append(source.charAt(++i)); // already escaped, or an escaped backslash
                } else {
                    if (c == '*' || c == '_' || c == '[' || c == ']') {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
            }
            copied = end(span);
        }
        return escaped.append(source, copied, source.length()).toString();
    }

    /**
     * Counts the characters that can open or close emphasis, links and images, for an upper bound
     * on how deep they can nest: each level needs an opening delimiter before the innermost text
     * and a closing one after it. Without {@code exact} every candidate character counts, which
     * bounds any part of the text; with it, escaped characters and an underscore inside a word
     * (which can neither open nor close) do not.
     */
    private static final class MarkupCount {
        private final boolean exact;
        private int emphasis;
        private int opening;
        private int closing;

        MarkupCount(boolean exact) {
            this.exact = exact;
        }

        MarkupCount add(String source, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = source.charAt(i);
                if (exact && c == '\\' && i + 1 < to && isAsciiPunctuation(source.charAt(i + 1))) {
                    i++;
                } else if (c == '*') {
                    emphasis++;
                } else if (c == '_') {
                    boolean insideWord = i > 0 && i + 1 < source.length()
                            && Character.isLetterOrDigit(source.charAt(i - 1))
                            && Character.isLetterOrDigit(source.charAt(i + 1));
                    emphasis += exact && insideWord ? 0 : 1;
                } else if (c == '[') {
                    opening++;
                } else if (c == ']') {
                    closing++;
                }
            }
            return this;
        }

        /** Plus one for an autolink, which is a link without brackets. */
        int nestingBound() {
            return emphasis / 2 + Math.min(opening, closing) + 1;
        }
    }

    private static int end(SourceSpan span) {
        return span.getInputIndex() + span.getLength();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /**
     * Rewrites the parsed tree in place, top-down, without recursion. A node that must go is
     * unwrapped: its children take its place and are looked at again in the same context, so text
     * is never lost and each node is moved at most once per level it loses.
     */
    private static Node confine(Node document) {
        Deque<Context> pending = new ArrayDeque<>();
        pending.push(new Context(document, 0, 0, false));
        while (!pending.isEmpty()) {
            Context context = pending.pop();
            Node child = context.parent().getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                if (child instanceof Image image) {
                    child = context.inLink() ? image : asLink(image);
                }
                if (mustUnwrap(child, context)) {
                    Node first = unwrap(child);
                    child = first != null ? first : next;
                    continue;
                }
                if (child instanceof Heading heading) {
                    heading.setLevel(Math.min(6, heading.getLevel() + HEADING_SHIFT));
                }
                if (child.getFirstChild() != null) {
                    pending.push(context.inside(child));
                }
                child = child.getNext();
            }
        }
        return document;
    }

    private static boolean mustUnwrap(Node node, Context context) {
        if (node instanceof BlockQuote || node instanceof ListBlock) {
            return context.blockDepth() >= MAX_BLOCK_DEPTH;
        }
        if (node instanceof ListItem) {
            // Its list was unwrapped above it.
            return !(node.getParent() instanceof ListBlock);
        }
        if (node instanceof Emphasis || node instanceof StrongEmphasis) {
            return context.inlineDepth() >= MAX_INLINE_DEPTH;
        }
        if (node instanceof Image) {
            return true; // only left as an image inside a link
        }
        if (node instanceof Link link) {
            return context.inLink() || context.inlineDepth() >= MAX_INLINE_DEPTH
                    || !isAllowedDestination(link.getDestination());
        }
        return false;
    }

    private static Node asLink(Image image) {
        Link link = new Link(image.getDestination(), image.getTitle());
        Node child = image.getFirstChild();
        if (child == null) {
            link.appendChild(new Text(image.getDestination() == null ? "" : image.getDestination()));
        }
        while (child != null) {
            Node next = child.getNext();
            link.appendChild(child);
            child = next;
        }
        image.insertBefore(link);
        image.unlink();
        return link;
    }

    /** Replaces the node by its children; returns the first of them, or null if it had none. */
    private static Node unwrap(Node node) {
        Node first = node.getFirstChild();
        Node child = first;
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        Node parent = node.getParent();
        if (first != null && parent instanceof ListItem && parent.getParent() instanceof ListBlock list) {
            // A tight list renders its items' paragraphs without <p>; paragraphs that used to sit
            // in separate nested items would run together into one line of text.
            list.setTight(false);
        }
        node.unlink();
        return first;
    }

    /** The same rule jsoup applies to href; checked here too so a refused link keeps no empty anchor. */
    private static boolean isAllowedDestination(String destination) {
        if (destination == null) {
            return false;
        }
        String url = destination.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("http:") || url.startsWith("https:") || url.startsWith("mailto:");
    }

    /**
     * Reads {@code <} as an autolink ({@code <https://...>}, {@code <name@example.org>}) or as the
     * character itself; never as the start of inline HTML, which members may not write anyway.
     * commonmark's own parsers look for the closing {@code >} and {@code -->} as far as the
     * paragraph goes, once per {@code <}, which makes twenty thousand of them take most of a
     * second; an autolink ends at the first space or {@code <}, so this one stops there.
     * Registered as a custom parser, it is asked before the built-in ones.
     */
    private static final class LessThanFactory implements InlineContentParserFactory {
        private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\\u0000-\\u0020]*");
        private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+"
                + "@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('<');
        }

        @Override
        public InlineContentParser create() {
            return LessThanFactory::parse;
        }

        private static ParsedInline parse(InlineParserState state) {
            Scanner scanner = state.scanner();
            scanner.next();
            Position start = scanner.position();
            for (char c = scanner.peek(); c != '>'; c = scanner.peek()) {
                if (c == Scanner.END || c == '<' || c <= ' ') {
                    return ParsedInline.of(new Text("<"), start);
                }
                scanner.next();
            }
            String content = scanner.getSource(start, scanner.position()).getContent();
            scanner.next();
            String destination = URI.matcher(content).matches() ? content
                    : EMAIL.matcher(content).matches() ? "mailto:" + content
                    : null;
            if (destination == null) {
                return ParsedInline.of(new Text("<"), start);
            }
            Link link = new Link(destination, null);
            link.appendChild(new Text(content));
            return ParsedInline.of(link, scanner.position());
        }
    }

    private record Context(Node parent, int blockDepth, int inlineDepth, boolean inLink) {
        Context inside(Node node) {
            boolean block = node instanceof BlockQuote || node instanceof ListBlock;
            boolean inline = node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Link;
            return new Context(node, blockDepth + (block ? 1 : 0), inlineDepth + (inline ? 1 : 0),
                    inLink || node instanceof Link);
        }
    }
}

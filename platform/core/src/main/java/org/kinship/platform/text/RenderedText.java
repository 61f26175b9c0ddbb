package org.kinship.platform.text;

import java.util.Objects;

/**
 * A member's post rendered once, kept in the two forms the platform needs.
 *
 * @param html safe to insert into a page as HTML as it is
 * @param plainText the words a reader sees, whitespace collapsed, for notifications and search.
 *     It is <em>not</em> HTML: a post that talks about {@code <script>} yields those characters
 *     here, so it must be escaped like any other text wherever it is shown.
 */
public record RenderedText(String html, String plainText) {
    public RenderedText {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plainText, "plainText");
    }
}

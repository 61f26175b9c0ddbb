package org.kinship.platform.forum;

import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.text.Markdown;
import org.kinship.platform.text.RenderedText;

/**
 * What an author wrote: the Markdown they typed, its sanitised HTML and plain text (rendered once,
 * when written, so reading a thread never renders), and an optional content warning.
 */
public record PostBody(String source, String html, String text, String contentWarning) {
    public static final int MAX_SOURCE = 20_000;
    public static final int MAX_CONTENT_WARNING = 200;

    public static PostBody of(String typed, String contentWarning, Markdown markdown) {
        String source = Text.required(ErrorCode.BODY_INVALID, "the text", typed, MAX_SOURCE);
        String warning = Text.singleLine(ErrorCode.CONTENT_WARNING_INVALID, "content warning", contentWarning,
                MAX_CONTENT_WARNING);
        RenderedText rendered = markdown.render(source);
        return new PostBody(source, rendered.html(), rendered.plainText(), warning);
    }
}

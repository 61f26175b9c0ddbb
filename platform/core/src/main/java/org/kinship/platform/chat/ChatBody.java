package org.kinship.platform.chat;

import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.text.Markdown;
import org.kinship.platform.text.RenderedText;

/**
 * What a member typed into the chat box: the Markdown source, and its sanitised HTML and plain text,
 * rendered once when written (the same renderer and safelist as the forum).
 */
public record ChatBody(String source, String html, String text) {
    /** At most this many characters (code points): a chat message, not an essay. */
    public static final int MAX_LENGTH = 4000;

    public static ChatBody of(String typed, Markdown markdown) {
        if (typed != null && typed.codePointCount(0, typed.length()) > MAX_LENGTH) {
            throw new KinshipException(ErrorCode.MESSAGE_TOO_LARGE, "A chat message may be at most " + MAX_LENGTH + " characters long.");
        }
        String source = Text.required(ErrorCode.BODY_INVALID, "the message", typed, MAX_LENGTH);
        RenderedText rendered = markdown.render(source);
        return new ChatBody(source, rendered.html(), rendered.plainText());
    }
}

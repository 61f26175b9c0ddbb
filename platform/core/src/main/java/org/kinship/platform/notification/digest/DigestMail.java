package org.kinship.platform.notification.digest;

/** A digest in words: the subject and the same content as plain text and as HTML. */
public record DigestMail(String subject, String text, String html) {
}

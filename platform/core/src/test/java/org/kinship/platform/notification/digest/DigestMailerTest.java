package org.kinship.platform.notification.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The message as it goes over the wire: multipart/alternative, UTF-8, sender from the session. No server needed. */
class DigestMailerTest {
    @Test
    void plainTextAndHtmlAlternativesInUtf8() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.from", "kinship@example.org");
        Session session = Session.getInstance(properties);
        DigestMail mail = new DigestMail("Ditt Kinship-sammendrag: 2 nye varsler", "Svar på «Turer» – åpne lenken\n",
                "<p>Svar på «Turer» – åpne lenken</p>");

        MimeMessage built = DigestMailer.message(session, "ada@example.org", mail);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        built.writeTo(wire);
        String raw = wire.toString(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Auto-Submitted: auto-generated"), raw);
        assertFalse(raw.contains("«"), "non-ASCII is encoded on the wire");

        MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
        assertEquals("Ditt Kinship-sammendrag: 2 nye varsler", read.getSubject());
        assertEquals("kinship@example.org", read.getFrom()[0].toString());
        assertEquals("ada@example.org", read.getAllRecipients()[0].toString());
        assertTrue(read.isMimeType("multipart/alternative"), read.getContentType());
        MimeMultipart parts = (MimeMultipart) read.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
        assertEquals(mail.text(), ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"), "line ends travel as CRLF");
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals(mail.html(), parts.getBodyPart(1).getContent());
    }

    @Test
    void failuresAreLoggedWithoutTheAddress() {
        Exception failure = new IllegalStateException("550 5.1.1 <ada.l@example.org>: Recipient address rejected",
                new RuntimeException("rcpt ada.l@example.org"));
        String logged = DigestService.withoutAddresses(failure);
        assertFalse(logged.contains("ada.l@example.org"), logged);
        assertTrue(logged.contains("550 5.1.1 <<address>>: Recipient address rejected"), logged);
    }
}

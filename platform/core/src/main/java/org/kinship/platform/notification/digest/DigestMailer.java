package org.kinship.platform.notification.digest;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends digests through WildFly's default mail session, which the server configuration points at the
 * SMTP relay (KINSHIP_SMTP_HOST, KINSHIP_SMTP_PORT) with KINSHIP_MAIL_FROM as the sender.
 */
@ApplicationScoped
public class DigestMailer {
    @Resource(lookup = "java:jboss/mail/Default")
    Session session;

    /** Hands the message to the SMTP relay; a failure is the caller's to handle (it retries next run). */
    public void send(String to, DigestMail mail) throws MessagingException {
        Transport.send(message(session, to, mail));
    }

    /**
     * One message, multipart/alternative: plain text first, HTML second (mail programs show the last
     * part they can). The sender is the session's {@code mail.from}.
     */
    static MimeMessage message(Session session, String to, DigestMail mail) throws MessagingException {
        String charset = StandardCharsets.UTF_8.name();
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(mail.subject(), charset);
        message.setSentDate(new Date());
        // RFC 3834: an automatic message; well-behaved programs send no vacation replies to it.
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), charset, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), charset, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}

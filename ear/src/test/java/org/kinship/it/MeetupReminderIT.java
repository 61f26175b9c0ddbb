package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.MeetupFixtures.OSLO;
import static org.kinship.it.support.MeetupFixtures.firstDate;
import static org.kinship.it.support.MeetupFixtures.rsvp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.MeetupFixtures;
import org.kinship.it.support.Tokens;

/**
 * Reminders the day before and two hours before, in the app for everyone going and by mail for those
 * who gave an address in the digest settings; never twice. The reminder run comes every 2 seconds in
 * the ITs (KINSHIP_MEETUP_INTERVAL_SECONDS).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetupReminderIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("kinship.it.smtp-port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void goingMembersAreRemindedOnceTheDayBeforeAndTwoHoursBeforeByMailOnlyIfTheyChoseMail() throws Exception {
        ForumFixtures f = ForumFixtures.create("remind");
        String address = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api.Reply digest = Api.as(Tokens.ADA).put("/api/communities/" + f.slug + "/digest",
                "{\"frequency\": \"DAILY\", \"email\": " + Api.str(address) + "}");
        assertEquals(200, digest.status(), digest::toString);

        LocalDateTime now = LocalDateTime.now(OSLO).truncatedTo(ChronoUnit.MINUTES);
        JsonObject soon = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Soon café",
                MeetupFixtures.local(now.plusMinutes(90)), MeetupFixtures.local(now.plusMinutes(210)), null, null));
        JsonObject tomorrow = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Tomorrow café",
                MeetupFixtures.local(now.plusHours(20)), MeetupFixtures.local(now.plusHours(22)), null, null));
        JsonObject later = MeetupFixtures.create(Tokens.MODERATOR, f.slug, MeetupFixtures.body("Next week café",
                MeetupFixtures.local(now.plusDays(7)), MeetupFixtures.local(now.plusDays(7).plusHours(2)), null, null));
        for (JsonObject m : List.of(soon, tomorrow, later)) {
            rsvp(Tokens.ADA, firstDate(f.slug, m), "GOING");
            rsvp(Tokens.BO, firstDate(f.slug, m), "GOING");
            rsvp(Tokens.PROVIDER, firstDate(f.slug, m), "MAYBE");
        }

        List<MimeMessage> mails = awaitMails(address, 2);
        List<String> subjects = mails.stream().map(MeetupReminderIT::subject).sorted().toList();
        assertTrue(subjects.get(0).startsWith("Reminder: Soon café in two hours, at "), subjects.toString());
        assertTrue(subjects.get(1).startsWith("Reminder: Tomorrow café tomorrow at "), subjects.toString());
        for (MimeMessage m : mails) {
            String body = m.getContent().toString();
            assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
            assertEquals(address, m.getAllRecipients()[0].toString());
            assertTrue(!subject(m).contains("Bo"), "no one else is named");
        }
        for (String user : List.of(Tokens.ADA, Tokens.BO)) {
            List<JsonObject> reminders = awaitNotifications(user, f.slug, 2);
            assertEquals(List.of("day", "soon"), reminders.stream().map(n -> n.getString("detail")).sorted().toList(), user);
            assertTrue(reminders.stream().noneMatch(n -> n.getString("meetupId").equals(later.getString("id"))), "not yet");
        }
        assertTrue(MeetupIT.notifications(Tokens.PROVIDER, f.slug, "MEETUP_REMINDER").isEmpty(), "maybe: no reminder");

        Thread.sleep(7000); // several runs later
        assertEquals(2, mailsTo(address).size(), "never twice");
        assertEquals(2, MeetupIT.notifications(Tokens.ADA, f.slug, "MEETUP_REMINDER").size());
        assertEquals(2, SMTP.getReceivedMessages().length, "Bo chose no e-mail; the digest does not mail meetup news");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMails(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(address);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + mailsTo(address).size());
    }

    private static List<JsonObject> awaitNotifications(String user, String slug, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<JsonObject> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = MeetupIT.notifications(user, slug, "MEETUP_REMINDER");
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("expected " + count + " reminders for " + user + ", got " + found);
    }
}

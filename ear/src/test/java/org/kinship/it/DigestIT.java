package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;

/**
 * The e-mail digest against a real SMTP server: GreenMail listens in this JVM on the port the managed
 * WildFly's mail session points at (KINSHIP_SMTP_HOST/PORT in ear/pom.xml), and the digest runs every
 * 2 seconds (KINSHIP_DIGEST_INTERVAL_SECONDS). Markers in titles and bodies show what a mail must and
 * must never contain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DigestIT {
    /** Long enough for several digest runs at the ITs' 2-second interval. */
    private static final Duration QUIET = Duration.ofSeconds(7);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("kinship.it.smtp-port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    /** Every address a test in this class subscribed: no mail may go anywhere else. */
    private static final Set<String> SUBSCRIBED = ConcurrentHashMap.newKeySet();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @AfterEach
    void noMailToAnyoneWhoDidNotAskForIt() throws MessagingException {
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                assertTrue(SUBSCRIBED.contains(to.toString()), "mail to someone who never subscribed: " + to);
            }
        }
    }

    @Test
    void aSubscriberGetsOneDigestWithLinksAndTitlesButNothingFromTheCircle() throws Exception {
        ForumFixtures f = ForumFixtures.create("digest");
        String adasThread = f.thread(Tokens.ADA, "Lighthouse walks at dawn", "BODYSECRET opening, walking helps").getString("threadId");
        f.reply(Tokens.BO, adasThread, "BODYSECRET reply: I walk there too");
        String bosThread = f.thread(Tokens.BO, "Harbour evenings", "Hello @Ada, BODYSECRET mention, come along?")
                .getString("threadId");
        String adasPost = f.reply(Tokens.ADA, bosThread, "BODYSECRET answer that a moderator hides")
                .getJsonObject("post").getString("id");
        String circle = f.circle("CIRCLESECRET title about my diagnosis", "CIRCLESECRET opening words").getString("threadId");
        f.reply(Tokens.PROVIDER, circle, "CIRCLESECRET reply from inside the circle");
        Api.Reply hidden = Api.as(Tokens.MODERATOR).post("/api/communities/" + f.slug + "/moderation/posts/" + adasPost + "/hide",
                "{\"reason\": \"Please keep REASONVISIBLE kindness in mind\"}");
        assertEquals(204, hidden.status(), hidden::toString);

        String digest = "/api/communities/" + f.slug + "/digest";
        JsonObject off = Api.as(Tokens.ADA).get(digest).object();
        assertEquals("OFF", off.getString("frequency"), "off by default");
        assertTrue(Api.isNull(off, "email"));

        String address = subscribe(Tokens.ADA, f.slug, "DAILY");
        JsonObject daily = Api.as(Tokens.ADA).get(digest).object();
        assertEquals("DAILY", daily.getString("frequency"));
        assertEquals(address, daily.getString("email"));

        MimeMessage mail = awaitMail(address, 1).get(0);
        assertEquals("Your Kinship digest: 4 new notifications", mail.getSubject());
        assertEquals("kinship-it@localhost", mail.getFrom()[0].toString());
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        String link = Api.baseUrl() + "/c/" + f.slug + "/forum/t/";
        for (String part : parts(mail)) {
            assertTrue(part.contains("2 replies, 1 mention, 1 moderation notice"), part);
            assertTrue(part.contains("Lighthouse walks at dawn"), part);
            assertTrue(part.contains("Harbour evenings"), part);
            assertTrue(part.contains(link + adasThread), part);
            assertTrue(part.contains(link + bosThread), part);
            assertTrue(part.contains(link + circle), "the circle is linked: " + part);
            assertTrue(part.contains("REASONVISIBLE"), "the member reads why their post was hidden: " + part);
            assertFalse(part.contains("CIRCLESECRET"), "nothing of the circle but its link: " + part);
            assertFalse(part.contains("BODYSECRET"), "no post text at all: " + part);
            assertFalse(part.contains("Mod Mona") || part.contains("Pia"), "no pseudonyms: " + part);
        }
        Thread.sleep(QUIET.toMillis());
        assertEquals(1, mailsTo(address).size(), "one digest, not one per run");
        JsonObject bo = Api.as(Tokens.BO).get(digest).object();
        assertEquals("OFF", bo.getString("frequency"), "Bo has notifications but never asked for mail");

        // A day later: only what is new since the last digest.
        Postgres.update("update notification set created_at = created_at - interval '25 hours' where recipient_id = ?::uuid",
                f.authorId);
        Postgres.update("update digest_subscription set last_sent_at = last_sent_at - interval '25 hours'"
                + " where member_id = ?::uuid", f.authorId);
        f.reply(Tokens.BO, adasThread, "BODYSECRET another reply the next day");
        MimeMessage next = awaitMail(address, 2).get(1);
        assertEquals("Your Kinship digest: 1 new notification", next.getSubject());
        for (String part : parts(next)) {
            assertTrue(part.contains("1 reply."), part);
            assertTrue(part.contains(link + adasThread), part);
            assertFalse(part.contains(link + circle), "yesterday's notifications are not sent again: " + part);
            assertFalse(part.contains("BODYSECRET"), part);
        }
    }

    @Test
    void offByDefaultAndTurningItOffOrLeavingForgetsTheAddress() throws Exception {
        ForumFixtures f = ForumFixtures.create("digestoff");
        String digest = "/api/communities/" + f.slug + "/digest";
        String address = subscribe(Tokens.ADA, f.slug, "WEEKLY");
        assertEquals(1, Postgres.count("select count(*) from digest_subscription where email = ?", address));

        Api.Reply off = Api.as(Tokens.ADA).put(digest, "{\"frequency\": \"OFF\", \"email\": " + Api.str(address) + "}");
        assertEquals(200, off.status(), off::toString);
        assertEquals("OFF", off.object().getString("frequency"));
        assertTrue(Api.isNull(off.object(), "email"));
        assertTrue(Api.isNull(Api.as(Tokens.ADA).get(digest).object(), "email"));
        assertEquals(0, Postgres.count("select count(*) from digest_subscription where email = ? or member_id = ?::uuid",
                address, f.authorId), "the address is deleted, not kept unused");

        // Ada (off again) and Bo (never on) both get notifications; nobody gets mail.
        String thread = f.thread(Tokens.ADA, "Quiet week", "Anyone around?").getString("threadId");
        f.reply(Tokens.BO, thread, "I am, @Ada");
        f.reply(Tokens.ADA, thread, "Thanks @Bo");
        Thread.sleep(QUIET.toMillis());
        assertEquals(List.of(), mailsTo(address));
        for (String user : List.of(Tokens.ADA, Tokens.BO)) {
            assertEquals(1, Api.as(user).get("/api/communities/" + f.slug + "/notifications").array().size(),
                    user + " has a notification in the app, and no mail");
        }

        // Leaving a community forgets its digest address too.
        String leaving = subscribe(Tokens.PROVIDER, f.slug, "DAILY");
        assertEquals(204, Api.as(Tokens.PROVIDER).delete("/api/communities/" + f.slug + "/members/me").status());
        assertEquals(0, Postgres.count("select count(*) from digest_subscription where email = ?", leaving));
    }

    @Test
    void badAddressesAndFrequenciesAreRefusedAndNothingIsStored() {
        String slug = Fixtures.community("digestbad", "OPEN");
        String member = Fixtures.join(Tokens.ADA, slug, "Ada").getString("memberId");
        String digest = "/api/communities/" + slug + "/digest";
        Api ada = Api.as(Tokens.ADA);
        for (String bad : List.of("", "ada", "ada@example", "ada@@example.org", "Ada <ada@example.org>",
                "ada@example.org, bo@example.org", "ada@example.org\r\nBcc: bo@example.org", "ada@exa mple.org",
                "l".repeat(250) + "@example.org", "åse@example.org")) {
            Api.Reply r = ada.put(digest, "{\"frequency\": \"DAILY\", \"email\": " + Api.str(bad) + "}");
            assertEquals(400, r.status(), () -> bad + ": " + r);
            assertEquals("email_invalid", r.error(), bad);
        }
        assertEquals("email_invalid", ada.put(digest, "{\"frequency\": \"WEEKLY\"}").error(), "an address is needed");
        assertEquals("validation_failed", ada.put(digest, "{\"frequency\": \"HOURLY\", \"email\": \"a@example.org\"}").error());
        assertEquals("validation_failed", ada.put(digest, "{\"email\": \"a@example.org\"}").error());
        assertEquals("malformed_request", ada.put(digest, "").error());
        JsonObject stored = ada.get(digest).object();
        assertEquals("OFF", stored.getString("frequency"));
        assertTrue(Api.isNull(stored, "email"));
        assertEquals(0, Postgres.count("select count(*) from digest_subscription where member_id = ?::uuid", member));

        String address = subscribe(Tokens.ADA, slug, "weekly");
        assertEquals("email_invalid", ada.put(digest, "{\"frequency\": \"DAILY\", \"email\": \"nope\"}").error());
        JsonObject kept = ada.get(digest).object();
        assertEquals("WEEKLY", kept.getString("frequency"), "a refused change changes nothing");
        assertEquals(address, kept.getString("email"));
    }

    @Test
    void onlyMembersHaveADigest() {
        ForumFixtures f = ForumFixtures.create("digestwho");
        String digest = "/api/communities/" + f.slug + "/digest";
        String body = "{\"frequency\": \"DAILY\", \"email\": \"someone@example.org\"}";
        for (Api.Reply r : List.of(Api.anonymous().get(digest), Api.anonymous().put(digest, body))) {
            assertEquals(401, r.status(), r::toString);
            assertEquals("not_authenticated", r.error());
        }
        for (Api.Reply r : List.of(Api.as(Tokens.CAI).get(digest), Api.as(Tokens.CAI).put(digest, body))) {
            assertEquals(403, r.status(), r::toString);
            assertEquals("not_a_member", r.error());
        }
        assertEquals("community_not_found", Api.as(Tokens.ADA).get("/api/communities/no-such-place/digest").error());
        assertEquals(0, Postgres.count("select count(*) from digest_subscription where email = 'someone@example.org'"));
    }

    /** Subscribes a member with a fresh address and returns the address. */
    private static String subscribe(String user, String slug, String frequency) {
        String address = "digest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SUBSCRIBED.add(address);
        Api.Reply r = Api.as(user).put("/api/communities/" + slug + "/digest",
                "{\"frequency\": " + Api.str(frequency) + ", \"email\": " + Api.str(address) + "}");
        assertEquals(200, r.status(), r::toString);
        assertEquals(frequency.toUpperCase(), r.object().getString("frequency"));
        assertEquals(address, r.object().getString("email"));
        return address;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits (at most 30 s) until this many mails reached the address. */
    private static List<MimeMessage> awaitMail(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mails = mailsTo(address);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("expected " + count + " mail(s) to " + address + " within " + PATIENCE + ", got "
                + mailsTo(address).size() + "; see the server log in ear/target/server/standalone/log");
    }

    /** The plain-text and the HTML alternative. */
    private static List<String> parts(MimeMessage mail) throws MessagingException, IOException {
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        return List.of((String) alternative.getBodyPart(0).getContent(), (String) alternative.getBodyPart(1).getContent());
    }
}

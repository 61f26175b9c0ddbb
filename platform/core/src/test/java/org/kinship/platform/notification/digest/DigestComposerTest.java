package org.kinship.platform.notification.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.notification.Notification;
import org.kinship.platform.notification.Notification.Kind;

/** What a digest says, in both languages, and above all what it never says. */
class DigestComposerTest {
    private static final String URL = "https://kinship.example.org/";
    private static final MemberId ME = new MemberId(UUID.randomUUID());
    private static final MemberId OTHER = new MemberId(UUID.randomUUID());
    private static final CommunityId COMMUNITY = new CommunityId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private final UUID walks = UUID.randomUUID();
    private final UUID harbour = UUID.randomUUID();
    private final UUID circle = UUID.randomUUID();
    private final UUID hiddenThread = UUID.randomUUID();
    private final Map<UUID, Digest.ThreadInfo> threads = Map.of(
            walks, new Digest.ThreadInfo(Visibility.COMMUNITY, false, "Lighthouse walks"),
            harbour, new Digest.ThreadInfo(Visibility.COMMUNITY, false, "Harbour <evenings> & \"tea\""),
            circle, new Digest.ThreadInfo(Visibility.CIRCLE, false, "CircleSecretTitle about my diagnosis"),
            hiddenThread, new Digest.ThreadInfo(Visibility.COMMUNITY, true, "HiddenOffensiveTitle"));

    private static Notification notification(Kind kind, UUID thread, String detail) {
        return new Notification(ME, COMMUNITY, kind, thread, thread == null ? null : UUID.randomUUID(),
                kind == Kind.MODERATION ? null : OTHER, detail, NOW);
    }

    private List<Notification> everything() {
        List<Notification> list = new ArrayList<>();
        list.add(notification(Kind.REPLY, walks, null));
        list.add(notification(Kind.REPLY, walks, null));
        list.add(notification(Kind.REPLY, circle, null));
        list.add(notification(Kind.MENTION, harbour, null));
        list.add(notification(Kind.MENTION, hiddenThread, null));
        list.add(notification(Kind.MODERATION, harbour, "Your post was hidden by a moderator: Please keep it kind"));
        list.add(notification(Kind.MODERATION, null, "A moderator paused your writing until tomorrow: cooling off"));
        list.add(notification(Kind.CIRCLE_INVITATION, circle, null));
        return list;
    }

    private Digest digest(String language, DigestFrequency frequency) {
        return Digest.of("Storby Peer Support", "storby", language, frequency, everything(), threads);
    }

    @Test
    void countsEveryKindAndGroupsByThread() {
        Digest d = digest("en", DigestFrequency.DAILY);
        assertEquals(8, d.total());
        assertEquals(3, d.count(Kind.REPLY));
        assertEquals(2, d.count(Kind.MENTION));
        assertEquals(2, d.count(Kind.MODERATION));
        assertEquals(1, d.count(Kind.CIRCLE_INVITATION));
        assertEquals(List.of(Kind.REPLY, Kind.REPLY, Kind.MENTION, Kind.MENTION, Kind.MODERATION, Kind.MODERATION,
                Kind.CIRCLE_INVITATION), d.entries().stream().map(Digest.Entry::kind).toList());
        assertEquals(2, d.entries().get(0).count(), "two replies in one thread are one line");
    }

    @Test
    void onlyVisibleCommunityThreadsHaveATitle() {
        Digest d = digest("en", DigestFrequency.DAILY);
        for (Digest.Entry e : d.entries()) {
            if (circle.equals(e.threadId()) || hiddenThread.equals(e.threadId()) || e.threadId() == null) {
                assertNull(e.title(), e.toString());
            }
        }
        assertNull(Digest.shownTitle(null), "an unknown thread shows nothing");
        assertNull(Digest.shownTitle(new Digest.ThreadInfo(Visibility.CIRCLE, false, "x")));
        assertEquals("x", Digest.shownTitle(new Digest.ThreadInfo(Visibility.COMMUNITY, false, "x")));
    }

    @Test
    void englishMailHasSubjectSummaryTitlesLinksAndReasons() {
        DigestMail mail = DigestComposer.compose(digest("en", DigestFrequency.DAILY), URL);
        assertEquals("Your Kinship digest: 8 new notifications", mail.subject());
        for (String part : new String[] {mail.text(), mail.html()}) {
            assertTrue(part.contains("3 replies, 2 mentions, 2 moderation notices, 1 circle invitation"), part);
            assertTrue(part.contains("Storby Peer Support"), part);
            assertTrue(part.contains("https://kinship.example.org/c/storby/forum/t/" + walks), part);
            assertTrue(part.contains("https://kinship.example.org/c/storby/forum/t/" + circle), part);
            assertTrue(part.contains("https://kinship.example.org/c/storby/forum/t/" + hiddenThread), part);
            assertTrue(part.contains("Lighthouse walks"), part);
            assertTrue(part.contains("In a closed circle"), part);
            assertTrue(part.contains("Please keep it kind"), part);
            assertTrue(part.contains("cooling off"), part);
            assertTrue(part.contains("daily e-mail digest"), part);
        }
        assertTrue(mail.text().contains("- “Lighthouse walks” (2): https://kinship.example.org/c/storby/forum/t/" + walks),
                mail.text());
        assertTrue(mail.text().contains("“Harbour <evenings> & \"tea\"”"), "plain text is not escaped");
        assertTrue(mail.html().contains("Harbour &lt;evenings&gt; &amp; &quot;tea&quot;"), "HTML is escaped");
        assertFalse(mail.html().contains("<evenings>"), mail.html());
    }

    @Test
    void norwegianMailForNorwegianCommunities() {
        DigestMail mail = DigestComposer.compose(digest("nb", DigestFrequency.WEEKLY), URL);
        assertEquals("Ditt Kinship-sammendrag: 8 nye varsler", mail.subject());
        for (String part : new String[] {mail.text(), mail.html()}) {
            assertTrue(part.contains("3 svar, 2 omtaler, 2 meldinger fra moderatorene, 1 invitasjon til en sirkel"), part);
            assertTrue(part.contains("I en lukket sirkel"), part);
            assertTrue(part.contains("ukentlig sammendrag"), part);
        }
        assertTrue(mail.text().contains("«Lighthouse walks» (2)"), mail.text());
        assertTrue(mail.html().startsWith("<!DOCTYPE html>\n<html lang=\"nb\">"), mail.html());
        assertTrue(DigestComposer.norwegian("nb-NO"));
        assertTrue(DigestComposer.norwegian("no"));
        assertFalse(DigestComposer.norwegian("en"));
        assertFalse(DigestComposer.norwegian(null));
    }

    @Test
    void singularSubjects() {
        Digest one = Digest.of("Fjordvik", "fjordvik", "nb", DigestFrequency.DAILY,
                List.of(notification(Kind.MENTION, walks, null)), threads);
        assertEquals("Ditt Kinship-sammendrag: 1 nytt varsel", DigestComposer.compose(one, URL).subject());
        Digest oneEn = Digest.of("Storby", "storby", "en", DigestFrequency.DAILY,
                List.of(notification(Kind.REPLY, walks, null)), threads);
        DigestMail mail = DigestComposer.compose(oneEn, URL);
        assertEquals("Your Kinship digest: 1 new notification", mail.subject());
        assertTrue(mail.text().contains("\n1 reply.\n"), mail.text());
    }

    @Test
    void neverCircleTitlesHiddenTitlesOrPseudonymsAnywhere() {
        for (String language : new String[] {"en", "nb"}) {
            DigestMail mail = DigestComposer.compose(digest(language, DigestFrequency.DAILY), URL);
            for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
                assertFalse(part.contains("CircleSecretTitle"), part);
                assertFalse(part.contains("diagnosis"), part);
                assertFalse(part.contains("HiddenOffensiveTitle"), part);
                assertFalse(part.contains(OTHER.value().toString()), "no actor, not even as an id");
            }
            assertFalse(mail.subject().contains("Storby"), "the subject does not name the community");
        }
    }

    @Test
    void longDigestsListFortyLinesAndCountTheRest() {
        List<Notification> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(notification(Kind.MODERATION, walks, "notice " + i));
        }
        Digest d = Digest.of("Storby", "storby", "en", DigestFrequency.DAILY, many, threads);
        assertEquals(Digest.MAX_ENTRIES, d.entries().size());
        assertEquals(5, d.omitted());
        assertEquals(45, d.total());
        DigestMail mail = DigestComposer.compose(d, URL);
        assertTrue(mail.text().contains("… and 5 more on the notifications page."), mail.text());
        assertEquals("Your Kinship digest: 45 new notifications", mail.subject());
    }
}

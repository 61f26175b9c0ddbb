package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.notification.digest.DigestMail;

class ReminderMailTest {
    private static ReminderStore.Claimed claimed(ReminderStore.Kind kind, String language, String title) {
        return new ReminderStore.Claimed(UUID.randomUUID(), kind, "ada@example.org", language, "Fjordvik <likepersoner>", "fjordvik",
                new MeetupId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                new OccurrenceId(UUID.fromString("00000000-0000-0000-0000-000000000002")), title,
                Instant.parse("2027-03-28T16:00:00Z"), ZoneId.of("Europe/Oslo"), "Storgata 1");
    }

    @Test
    void saysWhenInTheMeetupsLocalTimeAndLinksToTheDate() {
        DigestMail mail = ReminderMail.compose(claimed(ReminderStore.Kind.DAY, "en", "Sunday café"), "https://kinship.example/");
        assertEquals("Reminder: Sunday café tomorrow at 18:00", mail.subject(), "18:00 summer time, not 16:00 UTC");
        String link = "https://kinship.example/c/fjordvik/meetups/00000000-0000-0000-0000-000000000001/00000000-0000-0000-0000-000000000002";
        assertTrue(mail.text().contains(link), mail.text());
        assertTrue(mail.html().contains(link), mail.html());
        assertTrue(mail.text().contains("Storgata 1"));
    }

    @Test
    void inTheCommunitysLanguageAndEscapedInHtml() {
        DigestMail mail = ReminderMail.compose(claimed(ReminderStore.Kind.SOON, "nb", "Kafé <b>i byen</b>"), "https://kinship.example");
        assertEquals("Påminnelse: Kafé <b>i byen</b> om to timer, kl. 18:00", mail.subject());
        assertFalse(mail.html().contains("<b>i byen</b>"), mail.html());
        assertTrue(mail.html().contains("&lt;b&gt;i byen&lt;/b&gt;"), mail.html());
        assertTrue(mail.html().contains("Fjordvik &lt;likepersoner&gt;"), mail.html());
    }
}

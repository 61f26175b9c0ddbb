package org.kinship.plugin.crisisplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.plugin.api.CommunityInfo;
import org.kinship.plugin.crisisplan.PlanContent.Contact;

class PlanDocumentTest {
    private static final Instant NOW = Instant.parse("2026-11-22T18:00:00Z");
    private static final String ATTACK = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";

    private static CommunityInfo community(List<CommunityInfo.CrisisNumber> numbers) {
        return new CommunityInfo("c-1", "fjordvik", "Fjordvik <likepersoner>", "nb", "Europe/Oslo", numbers);
    }

    @Test
    void everythingPeopleWroteIsEscaped() {
        PlanContent plan = new PlanContent(List.of(ATTACK), List.of(ATTACK), List.of(ATTACK),
                List.of(new Contact(ATTACK, ATTACK, "+47 22 33 44 55", "personal")), ATTACK + "\nsecond line");
        String html = PlanDocument.render(plan, ATTACK, NOW, community(List.of(
                new CommunityInfo.CrisisNumber(ATTACK, "116 123\"><script>", ATTACK))), NOW, "en");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("'x'"), "single quotes escaped too");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"));
        // The title and the community's name are text too.
        assertTrue(html.contains("<title>Crisis plan of &lt;script&gt;"), html);
        assertTrue(html.contains("Fjordvik &lt;likepersoner&gt;"), html);
        // A dialler gets digits only, whatever the admin typed; what they typed is still shown, escaped.
        assertTrue(html.contains("href=\"tel:116123\""), html);
        assertTrue(html.contains("116 123&quot;&gt;&lt;script&gt;"), html);
        assertTrue(html.contains("href=\"tel:+4722334455\""), html);
        assertTrue(html.contains("<p class=\"text\">") && html.contains("\nsecond line</p>"), "new lines kept for pre-wrap");
        assertEquals(1, count(html, "<html"), "one document");
    }

    @Test
    void theCopyStandsAloneWithTheCrisisNumbersFirst() {
        PlanContent plan = new PlanContent(List.of("Sleeping badly"), List.of(), List.of("Call me in the evening"),
                List.of(new Contact("Dr Berg", "GP", "22 33 44 55", "professional")), "");
        String html = PlanDocument.render(plan, null, NOW.minusSeconds(3600), community(List.of(
                new CommunityInfo.CrisisNumber("Mental Helse", "116 123", "Day and night"))), NOW, "nb");
        assertTrue(html.startsWith("<!doctype html>\n<html lang=\"nb\">"), html);
        assertFalse(html.contains("src=") || html.contains("<link") || html.contains("<script"), "nothing to fetch or run");
        assertTrue(html.indexOf("116 123") < html.indexOf("Sleeping badly"), "crisis numbers before the plan");
        assertTrue(html.contains("<title>Kriseplan</title>"), "the owner's own copy names nobody");
        assertTrue(html.contains("Krisenumre i Fjordvik"));
        assertTrue(html.contains("Profesjonell"));
        assertTrue(html.contains("Ingenting skrevet ennå."), "an empty part says so");
        assertTrue(html.contains("22. nov. 2026") || html.contains("22.11.2026") || html.contains("22. nov 2026"),
                "dates in the community's zone and the reader's language: " + html);
    }

    @Test
    void withoutCrisisNumbersTheCopyStillSaysWhereToCall() {
        String html = PlanDocument.render(PlanContent.empty(), null, null, community(List.of()), NOW, "en");
        assertTrue(html.contains("has not listed crisis numbers"), html);
        assertTrue(html.contains("112"), html);
        assertFalse(html.contains("Plan last changed"), "never saved: no date");
    }

    @Test
    void escapeCoversTheFiveCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;plain", PlanDocument.escape("&<>\"'plain"));
        assertEquals("", PlanDocument.escape(null));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

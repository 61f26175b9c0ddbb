package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.jsonld.ContextDocuments;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ObjectType;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.MeetupDetails;
import org.kinship.platform.meetup.Occurrence;

/**
 * The two translations of meetups at the federation edge: a shared date as the Event we publish
 * ({@link MeetupPublisher#event}), and a remote Event as the terms of a local copy ({@link FederatedMeetups#terms}),
 * with Mobilizon's own Event from the interop corpus and our own Event read back as a peer would.
 */
class MeetupDocumentsTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");
    private static final LocalIris IRIS = new LocalIris("https://kinship.example");
    private static final ActivityReader READER = new ActivityReader(ContextDocuments.bundled());

    private static Meetup meetup(boolean approval, String description) {
        Instant start = LocalDateTime.of(2027, 1, 14, 18, 0).atZone(OSLO).toInstant();
        return new Meetup(CommunityId.random(), MemberId.random(), new MeetupDetails("Café <Thursday>", description,
                "Storgata 1, Oslo", null, "https://meet.example/cafe", "Step-free entrance", 12, approval),
                OSLO, start, start.plus(Duration.ofHours(2)), null, NOW);
    }

    @Test
    void aSharedDateIsAnEventOfTheGroupWithLocalTimesACountAndNoNames() {
        Meetup m = meetup(false, "Coffee & talk.\n\nBring a friend.");
        Occurrence date = m.materialise(NOW.plus(Duration.ofDays(60))).get(0);
        JsonObject event = MeetupPublisher.event(IRIS, "oslo", m, date, 5, null);

        assertEquals("Event", event.getString("type"));
        assertEquals("https://kinship.example/ap/meetups/" + date.id(), event.getString("id"));
        assertEquals("https://kinship.example/ap/communities/oslo", event.getString("attributedTo"));
        assertEquals("https://kinship.example/ap/communities/oslo", event.getString("audience"));
        assertEquals("https://kinship.example/c/oslo/meetups/" + m.id() + "/" + date.id(), event.getString("url"));
        assertEquals("2027-01-14T18:00:00+01:00", event.getString("startTime"), "wall time with the zone's offset");
        assertEquals("2027-01-14T20:00:00+01:00", event.getString("endTime"));
        assertEquals("Europe/Oslo", event.getString("timezone"));
        assertEquals("Place", event.getJsonObject("location").getString("type"));
        assertEquals("Storgata 1, Oslo", event.getJsonObject("location").getString("name"));
        assertEquals("free", event.getString("joinMode"));
        assertEquals(5, event.getInt("participantCount"));
        assertEquals(12, event.getInt("maximumAttendeeCapacity"));
        assertTrue(event.getBoolean("isOnline"));
        String content = event.getString("content");
        assertTrue(content.startsWith("<p>Coffee &amp; talk.</p><p>Bring a friend.</p>"), content);
        assertTrue(content.contains("Accessibility: Step-free entrance"), content);
        assertTrue(content.contains("<a href=\"https://meet.example/cafe\""), content);
        assertEquals("Café <Thursday>", event.getString("name"), "a name is text, not HTML");
        assertTrue(event.getJsonArray("to").getString(0).endsWith("#Public"));
        for (String absent : List.of("attendees", "participants", "actor")) {
            assertFalse(event.containsKey(absent), absent);
        }
    }

    @Test
    void aMeetupWhoseOrganiserApprovesEachPlaceIsRestricted() {
        Meetup m = meetup(true, null);
        JsonObject event = MeetupPublisher.event(IRIS, "oslo", m, m.materialise(NOW).get(0), 0, NOW);
        assertEquals("restricted", event.getString("joinMode"));
        assertEquals(0, event.getInt("participantCount"));
        assertTrue(event.containsKey("updated"));
    }

    @Test
    void ourOwnEventReadBackAsAPeerWouldBecomesTheSameMeetupInACopy() {
        Meetup m = meetup(false, "Coffee and talk.");
        Occurrence date = m.materialise(NOW).get(0);
        byte[] bytes = MeetupPublisher.event(IRIS, "oslo", m, date, 3, null).toString().getBytes(StandardCharsets.UTF_8);
        ReadResult<IncomingObject> read = READER.readObject(bytes);
        IncomingObject event = ((ReadResult.Read<IncomingObject>) read).value();
        assertEquals(ObjectType.EVENT, event.type());

        FederatedMeetups.CopyTerms terms = FederatedMeetups.terms(event, "oslo@kinship.example", MeetupDocumentsTest::tagsOff);
        assertEquals(date.startsAt(), terms.start());
        assertEquals(date.endsAt(), terms.end());
        assertEquals("Café <Thursday>", terms.details().title());
        assertEquals("Storgata 1, Oslo", terms.details().address());
        assertTrue(terms.details().description().startsWith("Coffee and talk."), terms.details().description());
        assertTrue(terms.details().description().endsWith("Shared by oslo@kinship.example: " + MeetupPublisher.datePage(IRIS,
                "oslo", m, date)), terms.details().description());
        assertEquals(null, terms.details().capacity(), "capacity and approval stay with the origin");
        assertFalse(terms.details().approvalRequired());
    }

    @Test
    void mobilizonsEventBecomesACopyWithItsPlaceAndADefaultLength() {
        Incoming create = ((ReadResult.Read<Incoming>) READER.readActivity(corpus("mobilizon-fixtures/mobilizon-post-activity.json")))
                .value();
        IncomingObject event = create.embeddedObject().orElseThrow();
        FederatedMeetups.CopyTerms terms = FederatedMeetups.terms(event, "metacartes@mobilizon.fr", MeetupDocumentsTest::tagsOff);
        assertEquals("My first event", terms.details().title());
        assertEquals(Instant.parse("2018-02-12T14:08:20Z"), terms.start());
        assertEquals(terms.start().plus(FederatedMeetups.DEFAULT_LENGTH), terms.end(), "Mobilizon sent no endTime");
        assertTrue(terms.details().address().startsWith("Locaux de Framasoft, 10 Rue Jangot"), terms.details().address());
        assertTrue(terms.details().description().contains("@tcit"), terms.details().description());
        assertTrue(terms.details().description().endsWith(
                "Shared by metacartes@mobilizon.fr: https://mobilizon.fr/events/39a0c4a6-f2b6-41dc-bbe2-fc5bff76cc93"));
    }

    @Test
    void anEventWithoutAStartOrEndingBeforeItStartsIsRefusedAndOddTextIsTamed() {
        Instant start = Instant.parse("2027-05-01T16:00:00Z");
        IncomingObject noStart = event("Walk", Optional.empty(), Optional.empty(), Optional.empty());
        KinshipException refused = assertThrows(KinshipException.class, () -> FederatedMeetups.terms(noStart, "g@x", s -> s));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        IncomingObject backwards = event("Walk", Optional.of(start), Optional.of(start.minusSeconds(60)), Optional.empty());
        assertEquals(ErrorCode.VALIDATION_FAILED,
                assertThrows(KinshipException.class, () -> FederatedMeetups.terms(backwards, "g@x", s -> s)).code());

        IncomingObject odd = event("A\u0007 walk\nin the\tpark " + "x".repeat(300), Optional.of(start), Optional.empty(),
                Optional.empty());
        FederatedMeetups.CopyTerms terms = FederatedMeetups.terms(odd, "walkers@elsewhere.example", s -> s);
        assertTrue(terms.details().title().startsWith("A walk in the park x"), terms.details().title());
        assertEquals(MeetupDetails.MAX_TITLE, terms.details().title().codePointCount(0, terms.details().title().length()));
        assertTrue(terms.details().address().startsWith("Not given here"), "no place: it says so");
    }

    private static IncomingObject event(String name, Optional<Instant> start, Optional<Instant> end,
                                        Optional<IncomingObject.Place> place) {
        URI id = URI.create("https://elsewhere.example/events/1");
        return new IncomingObject(Optional.of(id), ObjectType.EVENT, List.of(), Optional.of(name), Optional.empty(),
                Optional.empty(), java.util.Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), false, Optional.of(id),
                List.of(), Optional.of(new IncomingObject.EventDetails(start, end, place)), Optional.empty(), Optional.empty());
    }

    private static String tagsOff(String html) {
        return html.replaceAll("<[^>]+>", "");
    }

    /** A file of ../shared/interop, read where it lies (never copied into the repository), or the test is skipped loudly. */
    private static byte[] corpus(String relative) {
        String configured = System.getProperty("kinship.interop");
        List<Path> candidates = Stream.of(configured, "../../shared/interop", "../../../shared/interop", "/work/shared/interop")
                .filter(s -> s != null && !s.isBlank()).map(Path::of).toList();
        for (Path folder : candidates) {
            if (Files.isDirectory(folder)) {
                try {
                    return Files.readAllBytes(folder.resolve(relative));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        String message = "SKIPPED: interop corpus not found (looked in " + candidates + "; set -Dkinship.interop=...)";
        System.err.println(message);
        assumeTrue(false, message);
        throw new AssertionError("unreachable");
    }
}

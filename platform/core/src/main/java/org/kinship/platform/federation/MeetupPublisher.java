package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.Addressing;
import org.kinship.federation.document.ObjectDocuments;
import org.kinship.federation.jsonld.EventStatus;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.forum.FederatedForum;
import org.kinship.platform.forum.ForumEvent;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.meetup.FederatedMeetupDoor;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.MeetupDetails;
import org.kinship.platform.meetup.MeetupEvent;
import org.kinship.platform.meetup.MeetupId;
import org.kinship.platform.meetup.Occurrence;
import org.kinship.platform.meetup.OccurrenceId;
import org.kinship.platform.meetup.RsvpStatus;

/**
 * What leaves a community about its meetups. A meetup federates when its discussion thread is shared by the
 * thread's author (who consents for the meetup too: normally the organiser) in a community whose federation
 * is on; then each date still to come is one {@code Event} (FEP-8a8e, in the shape Mobilizon reads) at
 * {@code /ap/meetups/{date}}, attributed to the group, whose followers get it as the group's Announce of a
 * {@code Create}, {@code Update} or {@code Delete} (FEP-1b12). Only a count of who is going leaves, never a
 * name, and a change of that count reaches followers as one Update per interval ({@link ParticipantCounts});
 * remote people who answered about a date also get its Update or Delete. A cancelled date is sent as Mobilizon
 * sends one ({@code Update} with {@code ical:status CANCELLED}) and as a {@code Delete}. Also: a member's answer about a copy of another community's meetup goes to that community as
 * {@code Join} or {@code Leave}.
 *
 * <p>Observers are synchronous, inside the use case's transaction, so the outbox row commits with the change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MeetupPublisher {
    /** Mobilizon's category for a get-together; the one Kinship meetups are. */
    static final String CATEGORY = "MEETING";

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    FederationGate gate;

    @Inject
    Publisher publisher;

    @Inject
    FederatedForum forum;

    @Inject
    FederatedMeetupDoor meetups;

    @Inject
    RemoteMembers remoteMembers;

    @Inject
    Follows follows;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    // --- our shared meetups ------------------------------------------------------------------------------------

    void scheduled(@Observes MeetupEvent.Scheduled scheduled) {
        announceEvent(scheduled.community(), scheduled.meetup(), scheduled.occurrence(), false);
    }

    void detailsChanged(@Observes MeetupEvent.DetailsChanged changed) {
        announceEvent(changed.community(), changed.meetup(), changed.occurrence(), true);
    }

    void moved(@Observes MeetupEvent.TimeChanged moved) {
        announceEvent(moved.community(), moved.meetup(), moved.occurrence(), true);
    }

    /**
     * A cancelled date goes out twice: first as an {@code Update} of its Event with {@code ical:status CANCELLED}
     * (how Mobilizon itself cancels: its participants are told it is cancelled, and a Kinship peer cancels its copy
     * and tells who said they'd go), then as the {@code Delete} every peer has always understood, for peers that
     * do not read the status (Kinship before it did, readers of plain AS Events). We stop serving the date too, so
     * the Delete says what our server says; a peer that got the Update first has already shown the cancellation,
     * and Kinship keeps its cancelled copy (a Delete of a cancelled copy changes nothing). Mobilizon drops the event
     * on the Delete: the cost of one signal that every peer handles.
     */
    void cancelled(@Observes MeetupEvent.Cancelled cancelled) {
        shared(cancelled.community(), cancelled.meetup(), false).ifPresent(s -> {
            meetups.date(cancelled.occurrence()).ifPresent(d -> announceCancelledEvent(s.community(), d));
            announceDelete(s.community(), cancelled.occurrence());
        });
    }

    private void announceCancelledEvent(Community community, FederatedMeetupDoor.Date date) {
        Instant now = clock.instant();
        JsonObject event = event(iris, community.slug().value(), date.meetup(), date.occurrence(), meetups.going(date.occurrence().id()),
                now, EventStatus.CANCELLED);
        JsonObject update = ActivityDocuments.update(byGroup(community, now), event);
        publisher.announce(community, update, null);
        tellParticipants(community, date.occurrence().id(), update);
    }

    /**
     * The discussion thread of one or more meetups was shared (their dates go out) or un-shared (the group asks
     * everyone who received them to delete them).
     */
    void sharingChanged(@Observes ForumEvent.ThreadSharing sharing) {
        if (!gate.federates(sharing.community())) {
            return;
        }
        for (Meetup meetup : meetups.discussedIn(sharing.community(), sharing.threadId())) {
            if (meetup.status() != Meetup.Status.SCHEDULED) {
                continue;
            }
            for (Occurrence o : meetups.coming(meetup)) {
                if (sharing.shared()) {
                    announceEvent(sharing.community(), meetup.id(), o.id(), false);
                } else {
                    Community community = communities.find(sharing.community()).orElseThrow();
                    announceDelete(community, o.id());
                }
            }
        }
    }

    /**
     * The going count of a date changed (debounced by {@link ParticipantCounts}): its Event again, as it is now,
     * to the group's followers only. Remote participants hear of changes that matter to them (time, place,
     * cancellation); a count is for calendars, and a person waiting for a place should not get mail each time.
     */
    void countChanged(CommunityId community, MeetupId meetup, OccurrenceId date) {
        announceEvent(community, meetup, date, true, false);
    }

    private void announceEvent(CommunityId communityId, MeetupId meetupId, OccurrenceId date, boolean update) {
        announceEvent(communityId, meetupId, date, update, update);
    }

    private void announceEvent(CommunityId communityId, MeetupId meetupId, OccurrenceId date, boolean update,
                               boolean toParticipants) {
        Optional<Shared> shared = shared(communityId, meetupId, true);
        if (shared.isEmpty()) {
            return;
        }
        Optional<FederatedMeetupDoor.Date> found = meetups.date(date);
        if (found.isEmpty() || !found.get().open(clock.instant())) {
            return;
        }
        Community community = shared.get().community();
        Instant now = clock.instant();
        JsonObject event = eventDocument(community, found.get().meetup(), found.get().occurrence(), update ? now : null);
        ActivityDocuments.Act act = byGroup(community, now);
        JsonObject activity = update ? ActivityDocuments.update(act, event) : ActivityDocuments.create(act, event);
        publisher.announce(community, activity, null);
        if (toParticipants) {
            tellParticipants(community, date, activity);
        }
    }

    private void announceDelete(Community community, OccurrenceId date) {
        JsonObject delete = ActivityDocuments.delete(byGroup(community, clock.instant()), iris.meetup(date.value()));
        publisher.announce(community, delete, null);
        tellParticipants(community, date, delete);
    }

    /** A new activity of the community's group, public and to its followers, in its own audience. */
    private ActivityDocuments.Act byGroup(Community community, Instant at) {
        String slug = community.slug().value();
        return new ActivityDocuments.Act(iris.activity(UUID.randomUUID()), iris.group(slug),
                Addressing.publicly(iris.groupPart(slug, "followers")), iris.group(slug), at);
    }

    /**
     * Remote people who answered about a date hear that it changed or was called off even when they do not
     * follow the group (a Mobilizon participant follows the event, not the group): the group's own activity,
     * once per inbox, to those the policy still admits. It names nobody, and no server learns who else goes.
     */
    private void tellParticipants(Community community, OccurrenceId date, JsonObject activity) {
        Set<String> followers = follows.followers(community.id()).stream()
                .map(a -> a.deliveryInbox().toString()).collect(Collectors.toSet());
        List<URI> inboxes = em.createQuery("select a from RemoteActor a, Membership m, Rsvp r where r.occurrenceId = :o "
                        + "and r.memberId = m.id and m.remoteActorId = a.id and r.status <> :no", RemoteActor.class)
                .setParameter("o", date.value()).setParameter("no", RsvpStatus.NOT_GOING)
                .getResultStream()
                .filter(a -> gate.admits(community.id(), a.iri()))
                .map(RemoteActor::deliveryInbox)
                .filter(inbox -> !followers.contains(inbox.toString()))
                .distinct().toList();
        if (!inboxes.isEmpty()) {
            outbox.send(community.id().value(), URI.create(activity.getString("id")), community.id().value(), activity, inboxes);
        }
    }

    /** A federating community, and a meetup of it whose discussion thread its author shared. */
    record Shared(Community community, Meetup meetup) {
    }

    /**
     * The meetup when it federates: the community's federation is on and the meetup's thread is shared (and
     * neither hidden nor a closed circle). {@code scheduledOnly}: a cancelled meetup is not (re)published.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<Shared> shared(CommunityId communityId, MeetupId meetupId, boolean scheduledOnly) {
        if (!gate.federates(communityId)) {
            return Optional.empty();
        }
        Optional<Community> community = communities.find(communityId);
        Optional<Meetup> meetup = community.flatMap(c -> meetups.meetup(c.id(), meetupId));
        if (meetup.isEmpty() || meetup.get().threadId().isEmpty()
                || (scheduledOnly && meetup.get().status() != Meetup.Status.SCHEDULED)) {
            return Optional.empty();
        }
        Optional<ForumThread> thread = forum.thread(community.get(), meetup.get().threadId().get());
        if (thread.isEmpty() || !thread.get().isShared() || thread.get().hidden()
                || thread.get().visibility() != Visibility.COMMUNITY) {
            return Optional.empty();
        }
        return Optional.of(new Shared(community.get(), meetup.get()));
    }

    /** The Event of one date as it is now, with the current count of who is going. */
    @Transactional(Transactional.TxType.SUPPORTS)
    JsonObject eventDocument(Community community, Meetup meetup, Occurrence date, Instant updated) {
        return event(iris, community.slug().value(), meetup, date, meetups.going(date.id()), updated);
    }

    /**
     * One date as an Event: attributed to the group and in its audience, times with the offset they have in
     * the meetup's zone plus the zone's name, the address as the Place's name, the words as HTML. Mobilizon's
     * {@code joinMode} is {@code restricted} when the organiser approves who comes (a Join then waits for the
     * approval), else {@code free}. {@code participantCount} is how many are going; nobody is named.
     */
    static JsonObject event(LocalIris iris, String slug, Meetup meetup, Occurrence date, long going, Instant updated) {
        return event(iris, slug, meetup, date, going, updated,
                date.cancelled() || meetup.status() == Meetup.Status.CANCELLED ? EventStatus.CANCELLED : EventStatus.CONFIRMED);
    }

    static JsonObject event(LocalIris iris, String slug, Meetup meetup, Occurrence date, long going, Instant updated,
                            EventStatus status) {
        URI group = iris.group(slug);
        MeetupDetails d = meetup.details();
        ObjectDocuments.Posting posting = new ObjectDocuments.Posting(iris.meetup(date.id().value()), group, group, null,
                Addressing.publicly(group), meetup.createdAt(), updated, datePage(iris, slug, meetup, date));
        ObjectDocuments.Meetup details = new ObjectDocuments.Meetup(meetup.title(), date.startsAt(), date.endsAt(),
                meetup.timeZone(), d.address() == null ? null : new ObjectDocuments.Place(d.address(), null),
                d.onlineUrl() != null, d.capacity(), (int) Math.min(Integer.MAX_VALUE, going), CATEGORY, d.approvalRequired(),
                status);
        return ObjectDocuments.event(posting, details, new ObjectDocuments.Body(html(d), null, null));
    }

    /** Where people read the date in the web client (members only; others are asked to sign in). */
    static URI datePage(LocalIris iris, String slug, Meetup meetup, Occurrence date) {
        return URI.create(iris.base() + "/c/" + slug + "/meetups/" + meetup.id() + "/" + date.id());
    }

    /** The organiser's plain words as HTML: the description, the accessibility notes, the online link. */
    static String html(MeetupDetails d) {
        StringBuilder html = new StringBuilder();
        if (d.description() != null) {
            html.append(paragraphs(d.description()));
        }
        if (d.accessibility() != null) {
            html.append("<p>Accessibility: ").append(escape(d.accessibility()).replace("\n", "<br>")).append("</p>");
        }
        if (d.onlineUrl() != null) {
            String url = escape(d.onlineUrl());
            html.append("<p>Online: <a href=\"").append(url).append("\" rel=\"nofollow noopener\">").append(url).append("</a></p>");
        }
        return html.isEmpty() ? null : html.toString();
    }

    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // --- copies of other communities' meetups ------------------------------------------------------------------

    /**
     * A member answered about a copy of another community's meetup: wanting a place is a {@code Join} of the
     * origin's Event, giving it up a {@code Leave}, both from the member's actor to the origin group (which
     * counts them; "maybe" is not something Mobilizon or Kinship federate).
     */
    void answered(@Observes MeetupEvent.Answered answered) {
        if (!gate.federates(answered.community()) || remoteMembers.actorOf(answered.member()).isPresent()) {
            return;
        }
        boolean wanted = answered.before() != null && answered.before().wantsPlace();
        boolean wants = answered.after() != null && answered.after().wantsPlace();
        if (wanted == wants) {
            return;
        }
        Optional<FederatedObject> copy = copyOf(answered.community(), answered.meetup());
        if (copy.isEmpty() || copy.get().originActor() == null) {
            return;
        }
        RemoteActor origin = em.find(RemoteActor.class, copy.get().originActor());
        if (origin == null || !gate.admits(answered.community(), origin.iri())) {
            return;
        }
        URI member = iris.member(answered.member());
        URI id = iris.activity(UUID.randomUUID());
        ActivityDocuments.Act act = new ActivityDocuments.Act(id, member, Addressing.only(origin.iri()), origin.iri(), clock.instant());
        JsonObject activity = wants ? ActivityDocuments.join(act, copy.get().iri()) : ActivityDocuments.leave(act, copy.get().iri());
        outbox.send(answered.community().value(), id, answered.member().value(), activity, List.of(origin.deliveryInbox()));
    }

    /** The remote Event a local meetup copies, if it is a copy. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<FederatedObject> copyOf(CommunityId community, MeetupId meetup) {
        return em.createQuery("select o from FederatedObject o where o.key.communityId = :c and o.localId = :m and o.kind = :k",
                        FederatedObject.class)
                .setParameter("c", community.value()).setParameter("m", meetup.value())
                .setParameter("k", FederatedObject.Kind.MEETUP)
                .getResultStream().findFirst();
    }
}

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.Addressing;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ObjectType;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.federation.jsonld.Ref;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.meetup.FederatedMeetupDoor;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.MeetupDetails;
import org.kinship.platform.meetup.MeetupEvent;
import org.kinship.platform.meetup.MeetupId;
import org.kinship.platform.meetup.OccurrenceId;
import org.kinship.platform.meetup.RsvpStatus;
import org.kinship.platform.text.Markdown;

/**
 * Meetups over federation (FEP-8a8e, Mobilizon's Event), on the way in. Called by {@link Receiver} inside the
 * inbox's transaction, after the policy and the signature were checked.
 *
 * <p>A {@code Join} of one of our shared dates is a remote person's "going", decided by the meetup's own rules
 * through {@link FederatedMeetupDoor}. As Mobilizon does: a place is answered at once with an {@code Accept}
 * of the Join from the group; a turn in the waiting list, or a request where the organiser approves, waits
 * (the Accept follows when a place is given, a {@code Reject} when the organiser declines); a cancelled or
 * past date is answered with a {@code Reject}. A Join of a date that is not shared is refused (404, nothing
 * stored), the same answer as for one that does not exist. {@code Leave} withdraws the answer.
 *
 * <p>An {@code Event} that a community we follow announces becomes a read-only copy: a one-off meetup
 * organised by that group's REMOTE membership (so it shows as {@code group@host}), with the origin's page in
 * its description. Its {@code Update} revises the copy; its {@code Delete}, or an {@code Update} with
 * {@code ical:status CANCELLED} (how Mobilizon cancels), cancels it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FederatedMeetups {
    private static final Logger LOG = Logger.getLogger(FederatedMeetups.class.getName());
    /** A copied Event without an end is given this length (Mobilizon allows no end; a meetup here needs one). */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    OriginObjects origins;

    @Inject
    CommunityRepository communityRepository;

    @Inject
    FederatedMeetupDoor meetups;

    @Inject
    MeetupPublisher publisher;

    @Inject
    RemoteMembers remoteMembers;

    @Inject
    Outbox outbox;

    @Inject
    FederationGate gate;

    @Inject
    Readers readers;

    @Inject
    Outbound outbound;

    @Inject
    Markdown markdown;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    /**
     * @param via the Group whose Announce carried the activity, or null when its actor sent it directly
     */
    void received(Incoming activity, RemoteActor actor, List<Community> communities, RemoteActor via) {
        switch (activity.type()) {
            case JOIN -> join(activity, actor, communities);
            case LEAVE -> leave(activity, actor, communities);
            case CREATE, UPDATE -> copy(activity, actor, communities, via);
            case DELETE -> deleted(activity, actor, communities, via);
            default -> LOG.fine(() -> "Meetup activity ignored: " + activity.type() + " " + activity.id().orElse(null));
        }
    }

    // --- remote people and our shared dates --------------------------------------------------------------------

    private void join(Incoming activity, RemoteActor actor, List<Community> communities) {
        Optional<OccurrenceId> dateId = localDate(activity);
        if (dateId.isEmpty()) {
            // Mobilizon also joins groups with a Join; Kinship communities are followed, not joined.
            LOG.fine(() -> "A Join of something that is not one of our meetups is ignored: " + activity.id().orElse(null));
            return;
        }
        URI joinId = activity.id().orElseThrow(() -> refuse("A Join needs an id."));
        Optional<FederatedMeetupDoor.Date> date = meetups.date(dateId.get());
        Optional<Community> community = date.flatMap(d -> among(communities, d.meetup().community()));
        if (date.isEmpty() || community.isEmpty()
                || publisher.shared(community.get().id(), date.get().meetup().id(), false).isEmpty()) {
            throw new KinshipException(ErrorCode.MEETUP_NOT_FOUND, "No meetup shared here has that id.");
        }
        Community c = community.get();
        URI event = iris.meetup(dateId.get().value());
        Optional<Membership> existing = membership(c.id(), actor);
        if (existing.isPresent() && !existing.get().isRemote()) {
            // Banned (or otherwise not a remote participant): they learn only that the answer is no.
            answer(c, actor, joinId, event, false);
            return;
        }
        MemberId member = remoteMembers.in(c.id(), actor);
        FederatedMeetupDoor.JoinOutcome outcome = meetups.join(date.get(), member);
        if (outcome instanceof FederatedMeetupDoor.Closed) {
            answer(c, actor, joinId, event, false);
            return;
        }
        if (em.find(FederatedObject.class, new FederatedObject.Key(c.id(), joinId)) == null) {
            em.persist(new FederatedObject(c.id(), joinId, FederatedObject.Kind.JOIN, dateId.get().value(), actor, clock.instant()));
        }
        if (((FederatedMeetupDoor.Answered) outcome).status() == RsvpStatus.GOING) {
            answer(c, actor, joinId, event, true);
        }
        // WAITING or REQUESTED: answered when a place is given (placeGiven) or the request declined (declined).
    }

    private void leave(Incoming activity, RemoteActor actor, List<Community> communities) {
        Optional<FederatedMeetupDoor.Date> date = localDate(activity).flatMap(meetups::date);
        if (date.isEmpty()) {
            return;
        }
        Optional<Community> community = among(communities, date.get().meetup().community());
        Optional<Membership> member = community.flatMap(c -> membership(c.id(), actor)).filter(Membership::isRemote);
        if (member.isPresent()) {
            // Withdrawing is always allowed, shared or not; a repeated Leave changes nothing.
            meetups.leave(date.get(), member.get().id());
        }
    }

    /** A remote person waiting (in the list, or for approval) got a place: their Join is accepted now. */
    void placeGiven(@Observes MeetupEvent.PlaceGiven given) {
        answerLater(given.community(), given.occurrence(), given.member(), true);
    }

    /** The organiser declined a remote person's request: their Join is rejected. */
    void declined(@Observes MeetupEvent.RequestDeclined declined) {
        answerLater(declined.community(), declined.occurrence(), declined.member(), false);
    }

    private void answerLater(CommunityId communityId, OccurrenceId date, MemberId member, boolean accepted) {
        Optional<RemoteActor> actor = remoteMembers.actorOf(member);
        if (actor.isEmpty() || !gate.federates(communityId) || !gate.admits(communityId, actor.get().iri())) {
            return;
        }
        Optional<URI> join = em.createQuery("select o.iri from FederatedObject o where o.key.communityId = :c and o.localId = :d "
                        + "and o.kind = :k and o.originActor = :a order by o.receivedAt desc", String.class)
                .setParameter("c", communityId.value()).setParameter("d", date.value())
                .setParameter("k", FederatedObject.Kind.JOIN).setParameter("a", actor.get().id())
                .setMaxResults(1).getResultStream().findFirst().map(URI::create);
        Optional<Community> community = communityRepository.find(communityId);
        if (join.isPresent() && community.isPresent()) {
            answer(community.get(), actor.get(), join.get(), iris.meetup(date.value()), accepted);
        }
    }

    /**
     * The group's {@code Accept} or {@code Reject} of a Join, with the Join embedded (its id is what Mobilizon
     * matches), to the person who sent it.
     */
    private void answer(Community community, RemoteActor actor, URI joinId, URI event, boolean accepted) {
        URI group = iris.group(community.slug().value());
        JsonObject join = ActivityDocuments.join(new ActivityDocuments.Act(joinId, actor.iri(), Addressing.only(group), null, null),
                event);
        URI id = iris.activity(UUID.randomUUID());
        ActivityDocuments.Act act = new ActivityDocuments.Act(id, group, Addressing.only(actor.iri()), group, clock.instant());
        JsonObject reply = accepted ? ActivityDocuments.accept(act, join) : ActivityDocuments.reject(act, join);
        outbox.send(community.id().value(), id, community.id().value(), reply, List.of(actor.deliveryInbox()));
    }

    private Optional<OccurrenceId> localDate(Incoming activity) {
        return activity.object().flatMap(Ref::id).flatMap(iris::parse)
                .filter(n -> "meetups".equals(n.kind()) && n.part().isEmpty())
                .flatMap(LocalIris.Named::uuid).map(OccurrenceId::new);
    }

    private static Optional<Community> among(List<Community> communities, CommunityId id) {
        return communities.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private Optional<Membership> membership(CommunityId community, RemoteActor actor) {
        return em.createQuery("select m from Membership m where m.communityId = :c and m.remoteActorId = :a", Membership.class)
                .setParameter("c", community.value()).setParameter("a", actor.id())
                .getResultStream().findFirst();
    }

    // --- copies of the Events of communities we follow ---------------------------------------------------------

    private void copy(Incoming activity, RemoteActor author, List<Community> communities, RemoteActor via) {
        IncomingObject event = origins.of(activity, author, via);
        if (event.type() != ObjectType.EVENT || event.id().isEmpty() || iris.isLocal(event.id().get())) {
            return;
        }
        if (via == null) {
            // As for threads: a community's Event comes through its group's Announce, which vouches for it.
            LOG.fine(() -> "An Event sent without its group's Announce is ignored: " + event.id().get());
            return;
        }
        URI id = event.id().get();
        if (event.event().map(IncomingObject.EventDetails::cancelled).orElse(false)) {
            // Mobilizon cancels by sending its Event again with ical:status CANCELLED: for us that is its Delete
            // (and a Create of an Event already cancelled is nothing to copy).
            cancelCopies(id, communities, author, via);
            return;
        }
        // Any other status (CONFIRMED, TENTATIVE, none) revises a copy. A cancelled copy stays cancelled even if
        // the origin confirms the Event again: here a cancellation is final (a meetup or date is never
        // un-cancelled, and its members were already told it is off), so revise() leaves it as it is.
        Instant now = clock.instant();
        CopyTerms terms = terms(event, via.handle(), html -> markdown.cleanForeignHtml(html).plainText());
        for (Community c : communities) {
            Optional<FederatedObject> mapped = mapped(c.id(), id);
            if (mapped.isPresent()) {
                if (mapped.get().kind() == FederatedObject.Kind.MEETUP && via.id().equals(mapped.get().originActor())) {
                    meetups.meetup(c.id(), new MeetupId(mapped.get().localId()))
                            .ifPresent(copy -> meetups.revise(copy, terms.details(), terms.start(), terms.end()));
                }
                continue;
            }
            MemberId organiser = remoteMembers.in(c.id(), via);
            meetups.copy(c.id(), c.timeZone(), organiser, terms.details(), terms.start(), terms.end())
                    .ifPresentOrElse(m -> em.persist(new FederatedObject(c.id(), id, FederatedObject.Kind.MEETUP, m.id().value(), via, now)),
                            () -> LOG.fine(() -> "An Event that already began (or lasts too long) is not copied: " + id));
        }
    }

    private void deleted(Incoming activity, RemoteActor actor, List<Community> communities, RemoteActor via) {
        Optional<URI> id = activity.object().flatMap(Ref::id);
        if (id.isEmpty() || iris.isLocal(id.get())) {
            return;
        }
        cancelCopies(id.get(), communities, actor, via);
    }

    /**
     * The origin called its Event off (Delete, or Update with CANCELLED): each community's copy is cancelled and
     * everyone here who answered is told. Only the group that announced the copy (or the copy's origin actor
     * itself) can do that.
     */
    private void cancelCopies(URI eventId, List<Community> communities, RemoteActor actor, RemoteActor via) {
        for (Community c : communities) {
            mapped(c.id(), eventId).filter(o -> o.kind() == FederatedObject.Kind.MEETUP).ifPresent(o -> {
                boolean byOrigin = o.originActor() != null
                        && ((via != null && via.id().equals(o.originActor())) || actor.id().equals(o.originActor()));
                if (byOrigin) {
                    String by = via != null ? via.handle() : actor.handle();
                    meetups.meetup(c.id(), new MeetupId(o.localId())).ifPresent(m -> meetups.cancelCopy(m, "Cancelled by " + by + "."));
                }
            });
        }
    }

    private Optional<FederatedObject> mapped(CommunityId community, URI iri) {
        return Optional.ofNullable(em.find(FederatedObject.class, new FederatedObject.Key(community, iri)));
    }

    /** What a copy of a remote Event says here. */
    record CopyTerms(MeetupDetails details, Instant start, Instant end) {
    }

    /**
     * The one translation of a remote Event into a meetup's terms. Its words are the origin's cleaned to plain
     * text, followed by where it comes from; its place is the Event's location in one line. An Event needs a
     * start and an end after it (refused otherwise, as bad input); without an end it lasts
     * {@link #DEFAULT_LENGTH}. Capacity and approval stay with the origin, which decides on each Join.
     *
     * @param htmlToText the sender's HTML as plain text (our cleaner; tests may pass a simpler one)
     */
    static CopyTerms terms(IncomingObject event, String originHandle, UnaryOperator<String> htmlToText) {
        IncomingObject.EventDetails details = event.event()
                .orElseThrow(() -> refuse("An Event needs a startTime."));
        Instant start = details.startTime().orElseThrow(() -> refuse("An Event needs a startTime."));
        Instant end = details.endTime().orElse(start.plus(DEFAULT_LENGTH));
        if (!end.isAfter(start)) {
            throw refuse("The Event ends before it starts.");
        }
        String title = line(event.name().orElse(""), MeetupDetails.MAX_TITLE);
        if (title.isBlank()) {
            title = line("An event of " + originHandle, MeetupDetails.MAX_TITLE);
        }
        URI page = event.url().or(event::id).filter(FederatedMeetups::isHttp).orElse(null);
        String from = "Shared by " + originHandle + (page == null ? "." : ": " + page);
        String words = event.content().filter(h -> !h.isBlank()).map(htmlToText).map(FederatedMeetups::text).orElse("");
        int room = MeetupDetails.MAX_DESCRIPTION - from.length() - 2;
        String description = (words.isBlank() || room <= 0 ? "" : clip(words, room) + "\n\n") + from;
        String place = details.location().map(p -> {
            String name = p.name().map(String::strip).orElse("");
            String address = p.address().map(String::strip).orElse("");
            return name.isEmpty() ? address : address.isEmpty() || address.equalsIgnoreCase(name) ? name : name + ", " + address;
        }).map(p -> line(p, MeetupDetails.MAX_ADDRESS)).filter(p -> !p.isBlank())
                .orElse(line("Not given here: see the event's page at " + (page == null ? originHandle : page.getHost()),
                        MeetupDetails.MAX_ADDRESS));
        return new CopyTerms(new MeetupDetails(title, clip(description, MeetupDetails.MAX_DESCRIPTION), place, null, null, null,
                null, false), start, end);
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    /** One line without control characters, at most {@code max} characters. */
    static String line(String text, int max) {
        return clip(text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip(), max);
    }

    /** Text with line breaks kept and every other control character dropped. */
    private static String text(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** At most {@code max} characters (code points), cut with an ellipsis. */
    static String clip(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    private static KinshipException refuse(String message) {
        return new KinshipException(ErrorCode.VALIDATION_FAILED, message);
    }
}

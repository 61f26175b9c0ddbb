package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;

/** Queries over meetups, their dates, answers and requests for company. Finders return Optional, never null. */
@ApplicationScoped
public class MeetupRepository {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    public Optional<Meetup> meetup(CommunityId community, MeetupId id) {
        Meetup m = em.find(Meetup.class, id.value());
        return m != null && m.community().equals(community) ? Optional.of(m) : Optional.empty();
    }

    public Optional<Occurrence> occurrence(MeetupId meetup, OccurrenceId id) {
        Occurrence o = em.find(Occurrence.class, id.value());
        return o != null && o.meetup().equals(meetup) ? Optional.of(o) : Optional.empty();
    }

    public Optional<Occurrence> occurrence(OccurrenceId id) {
        return Optional.ofNullable(em.find(Occurrence.class, id.value()));
    }

    /** The meetups whose discussion is this thread (usually one; an existing thread may be linked to several). */
    public List<Meetup> discussedIn(CommunityId community, UUID thread) {
        return em.createQuery("select m from Meetup m where m.communityId = :c and m.threadId = :t order by m.createdAt", Meetup.class)
                .setParameter("c", community.value())
                .setParameter("t", thread)
                .getResultList();
    }

    /**
     * Takes the row lock that serialises everything about this date (answers, promotions, moves). A
     * refresh with a pessimistic lock reads the row anew under {@code select ... for update}, so what is
     * read afterwards in this transaction is what the lock holder may decide on.
     */
    public Occurrence lock(Occurrence occurrence) {
        em.refresh(occurrence, LockModeType.PESSIMISTIC_WRITE);
        return occurrence;
    }

    public void lock(Meetup meetup) {
        em.refresh(meetup, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A community's dates between two instants, soonest first (cancelled ones too: people must see them). */
    public List<Occurrence> occurrences(CommunityId community, Instant from, Instant to, int limit) {
        return em.createQuery("select o from Occurrence o where o.communityId = :c and o.endsAt > :from and o.startsAt < :to"
                        + " order by o.startsAt, o.id", Occurrence.class)
                .setParameter("c", community.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Occurrence> occurrencesOf(MeetupId meetup, Instant endingAfter, int limit) {
        return em.createQuery("select o from Occurrence o where o.meetupId = :m and o.endsAt > :t order by o.startsAt, o.id",
                        Occurrence.class)
                .setParameter("m", meetup.value())
                .setParameter("t", endingAfter)
                .setMaxResults(limit)
                .getResultList();
    }

    public Map<UUID, Meetup> meetups(Collection<UUID> ids) {
        Map<UUID, Meetup> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select m from Meetup m where m.id in :ids", Meetup.class).setParameter("ids", ids)
                    .getResultList().forEach(m -> found.put(m.id().value(), m));
        }
        return found;
    }

    public Optional<Rsvp> rsvp(OccurrenceId occurrence, MemberId member) {
        return em.createQuery("select r from Rsvp r where r.occurrenceId = :o and r.memberId = :m", Rsvp.class)
                .setParameter("o", occurrence.value())
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public List<Rsvp> rsvps(OccurrenceId occurrence) {
        return em.createQuery("select r from Rsvp r where r.occurrenceId = :o order by r.answeredAt, r.id", Rsvp.class)
                .setParameter("o", occurrence.value())
                .getResultList();
    }

    public long count(OccurrenceId occurrence, RsvpStatus status) {
        return em.createQuery("select count(r) from Rsvp r where r.occurrenceId = :o and r.status = :s", Long.class)
                .setParameter("o", occurrence.value())
                .setParameter("s", status)
                .getSingleResult();
    }

    /** Going counts of many dates in one query. */
    public Map<UUID, Long> goingCounts(Collection<UUID> occurrences) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!occurrences.isEmpty()) {
            em.createQuery("select r.occurrenceId, count(r) from Rsvp r where r.occurrenceId in :o and r.status = :s"
                            + " group by r.occurrenceId", Object[].class)
                    .setParameter("o", occurrences)
                    .setParameter("s", RsvpStatus.GOING)
                    .getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** A member's answers about many dates in one query. */
    public Map<UUID, Rsvp> rsvpsOf(MemberId member, Collection<UUID> occurrences) {
        Map<UUID, Rsvp> mine = new HashMap<>();
        if (!occurrences.isEmpty()) {
            em.createQuery("select r from Rsvp r where r.memberId = :m and r.occurrenceId in :o", Rsvp.class)
                    .setParameter("m", member.value())
                    .setParameter("o", occurrences)
                    .getResultList().forEach(r -> mine.put(r.occurrence().value(), r));
        }
        return mine;
    }

    /** The first in the waiting list, if any. Read under the occurrence's lock. */
    public Optional<Rsvp> firstWaiting(OccurrenceId occurrence) {
        return em.createQuery("select r from Rsvp r where r.occurrenceId = :o and r.status = :s order by r.queueSeq",
                        Rsvp.class)
                .setParameter("o", occurrence.value())
                .setParameter("s", RsvpStatus.WAITING)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The dates a member is going to (or waiting for), from {@code from} on: their private feed. */
    public List<Occurrence> attending(MemberId member, Instant from) {
        return em.createQuery("select o from Occurrence o, Rsvp r where r.occurrenceId = o.id and r.memberId = :m"
                        + " and r.status in :s and o.endsAt > :from order by o.startsAt", Occurrence.class)
                .setParameter("m", member.value())
                .setParameter("s", List.of(RsvpStatus.GOING, RsvpStatus.WAITING, RsvpStatus.REQUESTED))
                .setParameter("from", from)
                .setMaxResults(500)
                .getResultList();
    }

    public Optional<CompanyRequest> companyRequest(OccurrenceId occurrence, UUID id) {
        CompanyRequest r = em.find(CompanyRequest.class, id);
        return r != null && r.occurrence().equals(occurrence) ? Optional.of(r) : Optional.empty();
    }

    public Optional<CompanyRequest> companyRequestOf(OccurrenceId occurrence, MemberId member) {
        return em.createQuery("select r from CompanyRequest r where r.occurrenceId = :o and r.memberId = :m",
                        CompanyRequest.class)
                .setParameter("o", occurrence.value())
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public List<CompanyRequest> companyRequests(OccurrenceId occurrence) {
        return em.createQuery("select r from CompanyRequest r where r.occurrenceId = :o and r.status <> :w order by r.createdAt",
                        CompanyRequest.class)
                .setParameter("o", occurrence.value())
                .setParameter("w", CompanyRequest.Status.WITHDRAWN)
                .getResultList();
    }

    public List<CompanyOffer> offers(UUID request) {
        return em.createQuery("select o from CompanyOffer o where o.requestId = :r order by o.createdAt", CompanyOffer.class)
                .setParameter("r", request)
                .getResultList();
    }

    public Optional<CompanyOffer> offer(UUID request, MemberId member) {
        return em.createQuery("select o from CompanyOffer o where o.requestId = :r and o.memberId = :m", CompanyOffer.class)
                .setParameter("r", request)
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public Optional<FeedToken> feedToken(MemberId member) {
        return em.createQuery("select t from FeedToken t where t.memberId = :m", FeedToken.class)
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public Optional<FeedToken> feedTokenByHash(String hash) {
        return em.createQuery("select t from FeedToken t where t.tokenHash = :h", FeedToken.class)
                .setParameter("h", hash)
                .getResultStream().findFirst();
    }

    /** A date moved: its reminders are due again, for the new time. */
    public void forgetReminders(OccurrenceId occurrence) {
        em.createQuery("update Rsvp r set r.remindedDayAt = null, r.remindedSoonAt = null where r.occurrenceId = :o")
                .setParameter("o", occurrence.value())
                .executeUpdate();
    }

    public Optional<Membership> membership(MemberId member) {
        return Optional.ofNullable(em.find(Membership.class, member.value()));
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}

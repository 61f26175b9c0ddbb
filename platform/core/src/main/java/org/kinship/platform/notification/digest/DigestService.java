package org.kinship.platform.notification.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipEvent;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.persistence.UniqueViolation;

/**
 * The e-mail digest: a member's own settings per community (off unless they turn it on), and the
 * run that sends what is due. A digest says how many replies, mentions and moderation notices wait,
 * with links; see {@link Digest} for what it may and may not contain.
 */
@ApplicationScoped
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class.getName());

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    DigestStore store;

    @Inject
    DigestMailer mailer;

    @Inject
    Clock clock;

    /** A member's digest settings: OFF with no address, or DAILY/WEEKLY with the address it goes to. */
    public record Settings(DigestFrequency frequency, String email) {
        static final Settings OFF = new Settings(DigestFrequency.OFF, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings settings(Caller caller, String slug) {
        Membership me = me(caller, slug);
        return subscription(me.id()).map(s -> new Settings(s.frequency(), s.email())).orElse(Settings.OFF);
    }

    /**
     * Turns the digest on, changes it, or turns it off. OFF deletes the subscription with its address;
     * a refused request (bad frequency, bad address) changes nothing.
     */
    @Transactional
    public Settings change(Caller caller, String slug, String frequency, String email) {
        Membership me = me(caller, slug);
        DigestFrequency wanted = DigestFrequency.parse(frequency);
        Optional<DigestSubscription> existing = subscription(me.id());
        if (wanted == DigestFrequency.OFF) {
            existing.ifPresent(em::remove);
            return Settings.OFF;
        }
        String address = EmailAddress.validate(email);
        DigestSubscription subscription = existing.orElse(null);
        if (subscription != null) {
            subscription.change(wanted, address);
        } else {
            subscription = new DigestSubscription(me.id(), wanted, address, clock.instant());
            em.persist(subscription);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_digest_member")) {
                throw new KinshipException(ErrorCode.CONCURRENT_UPDATE,
                        "The digest was changed at the same moment from somewhere else. Please try again.");
            }
            throw e;
        }
        return new Settings(subscription.frequency(), subscription.email());
    }

    /** Leaving a community stops its digest and forgets the address, in the same transaction. */
    void onLeft(@Observes MembershipEvent.Left left) {
        em.createQuery("delete from DigestSubscription s where s.memberId = :m")
                .setParameter("m", left.member().value())
                .executeUpdate();
    }

    private Membership me(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        return access.requireMember(caller, community);
    }

    private Optional<DigestSubscription> subscription(MemberId member) {
        return em.createQuery("select s from DigestSubscription s where s.memberId = :m", DigestSubscription.class)
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    /** An SMTP error can quote the recipient; the log gets the error without it. */
    static String withoutAddresses(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            text.append(" / ").append(cause);
        }
        return text.toString().replaceAll("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+", "<address>");
    }

    /** What one run did, for the log and the tests. */
    public record RunResult(int sent, int failed, int skipped) {
    }

    /**
     * Sends every digest that is due. Runs outside any transaction: each step is its own (see
     * {@link DigestStore}), and no transaction is open while a mail is sent. {@code stopping} is asked
     * between mails, so an undeployment does not wait for a long run.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RunResult sendDue(String publicUrl, BooleanSupplier stopping) {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
        store.forgetFormerMembers();
        // Millisecond precision: the value is written, read back and compared in the claim, on PostgreSQL and H2 alike.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (UUID id : store.due(now)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            Optional<DigestStore.Prepared> prepared = store.prepare(id, now);
            if (prepared.isEmpty() || !store.claim(prepared.get(), now)) {
                skipped++;
                continue;
            }
            DigestStore.Prepared digest = prepared.get();
            try {
                mailer.send(digest.email(), DigestComposer.compose(digest.digest(), publicUrl));
                sent++;
            } catch (Exception e) {
                failed++;
                // The address stays out of the log; the subscription id finds it for whoever runs the server.
                LOG.log(Level.WARNING, "Digest " + id + " could not be sent; the next run tries again: " + withoutAddresses(e));
                store.release(digest, now);
            }
        }
        if (sent + failed > 0) {
            int s = sent;
            int f = failed;
            LOG.info(() -> "E-mail digest: " + s + " sent, " + f + " failed");
        }
        return new RunResult(sent, failed, skipped);
    }
}

package org.kinship.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.kinship.platform.persistence.BoundedCache;
import org.kinship.platform.persistence.EntityChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.kinship.platform.persistence.UniqueViolation;

/** Turns an identity-provider subject into the account Kinship knows them by, creating it on first sight. */
@ApplicationScoped
public class AccountService {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountService self;

    /** Subject to account id: asked on every request, and a subject's account never changes while it exists. */
    private final BoundedCache<String, AccountId> ids = new BoundedCache<>(100_000);

    /** The id of the account for this subject ({@link #resolve}), from memory after the first request. */
    public AccountId idOf(String subject) {
        return ids.get(subject, () -> resolve(subject).id());
    }

    void changed(@Observes EntityChanged change) {
        if (change.entity() instanceof Account account) {
            ids.invalidate(account.subject());
            if (account.formerSubject() != null) {
                ids.invalidate(account.formerSubject());
            }
        }
    }

    public Account require(AccountId id) {
        Account account = em.find(Account.class, id.value());
        if (account == null) {
            throw new IllegalStateException("No account " + id);
        }
        return account;
    }

    public Optional<Account> find(String subject) {
        return em.createQuery("select a from Account a where a.subject = :s", Account.class)
                .setParameter("s", subject)
                .getResultStream().findFirst();
    }

    /**
     * The account for this subject. Two first requests of a new person may arrive together; the
     * unique subject decides, and the loser reads the winner's row.
     */
    public Account resolve(String subject) {
        return find(subject).orElseGet(() -> {
            try {
                return self.create(subject);
            } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
                if (UniqueViolation.of(e, "uq_account_subject")) {
                    return find(subject).orElseThrow(() -> e);
                }
                throw e;
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Account create(String subject) {
        Account account = new Account(subject, clock.instant());
        em.persist(account);
        em.flush();
        return account;
    }
}

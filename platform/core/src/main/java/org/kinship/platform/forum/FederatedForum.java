package org.kinship.platform.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.safety.SafetySignals;
import org.kinship.platform.text.Markdown;
import org.kinship.platform.text.RenderedText;

/**
 * The forum's door for federation: threads and replies written on other servers, stored as ordinary
 * threads and posts by a {@code REMOTE} membership (so reading, moderation, hiding and search need nothing
 * new). The federation code has already checked policy and signatures; this class keeps the forum's own
 * rules: a locked thread takes no replies, a reply's target must be in the thread, remote words are
 * cleaned with the same allow-list as ours and watched by the same crisis-language check.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FederatedForum {
    /** The category remote threads land in, made on first use; only moderators may start threads there. */
    static final String REMOTE_CATEGORY = "From other communities";

    @Inject
    ForumRepository repository;

    @Inject
    SafetySignals safety;

    @Inject
    Markdown markdown;

    @Inject
    Event<ForumEvent> events;

    @Inject
    Clock clock;

    /**
     * A remote post's words: the author's Markdown source when they sent one (rendered by our rules), else
     * their HTML cleaned. Too long or empty is refused like a local post.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostBody foreignBody(String markdownSource, String html, String contentWarning) {
        if (markdownSource != null && !markdownSource.isBlank() && markdownSource.length() <= PostBody.MAX_SOURCE) {
            return PostBody.of(markdownSource, cut(contentWarning), markdown);
        }
        if (html == null || html.isBlank() || html.length() > PostBody.MAX_SOURCE * 4) {
            throw new KinshipException(ErrorCode.BODY_INVALID, "The post has no text, or too much.");
        }
        RenderedText clean = markdown.cleanForeignHtml(html);
        if (clean.plainText().isBlank()) {
            throw new KinshipException(ErrorCode.BODY_INVALID, "The post has no text.");
        }
        String source = clean.plainText().length() > PostBody.MAX_SOURCE ? clean.plainText().substring(0, PostBody.MAX_SOURCE) : clean.plainText();
        return new PostBody(source, clean.html(), clean.plainText(), cut(contentWarning));
    }

    private static String cut(String warning) {
        if (warning == null || warning.isBlank()) {
            return null;
        }
        String line = warning.replaceAll("\\s+", " ").strip();
        return line.length() > PostBody.MAX_CONTENT_WARNING ? line.substring(0, PostBody.MAX_CONTENT_WARNING) : line;
    }

    /** A reply from elsewhere in a thread shown here (a local shared thread, or a remote thread's copy). */
    public Post reply(Community community, ForumThread thread, MemberId author, UUID inReplyTo, PostBody body) {
        Post answered = null;
        if (inReplyTo != null) {
            answered = repository.post(community.id(), inReplyTo).filter(p -> p.threadId().equals(thread.id())).orElse(null);
        }
        Instant now = clock.instant();
        repository.lockThread(thread).checkOpenFor(false);
        Set<String> crisis = safety.detect(community, body.text() + "\n" + (body.contentWarning() == null ? "" : body.contentWarning()));
        Post post = new Post(thread, author, thread.nextSeq(now), answered, body, !crisis.isEmpty(), now);
        repository.persist(post);
        // The thread's author is the opening post's: no need to read that post for the notice.
        written(community, thread, post, answered == null ? thread.author() : answered.author(), crisis);
        return post;
    }

    /** A thread from a community this one follows, in the category for them ("From other communities"). */
    public ForumThread thread(Community community, String title, MemberId author, PostBody body) {
        Category category = remoteCategory(community);
        Instant now = clock.instant();
        ForumThread thread = ForumThread.inCategory(category, title, author, false, now);
        repository.persist(thread);
        Set<String> crisis = safety.detect(community, thread.title() + "\n" + body.text());
        Post post = new Post(thread, author, thread.nextSeq(now), null, body, !crisis.isEmpty(), now);
        repository.persist(post);
        written(community, thread, post, null, crisis);
        return thread;
    }

    /** The origin deleted or removed a post: its words go, as when an author deletes their own. */
    public void erase(Post post) {
        if (!post.deleted()) {
            post.delete(post.author(), clock.instant());
            if (post.seq() == 0) {
                repository.thread(post.community(), post.threadId())
                        .ifPresent(ForumThread::forgetTitle);
            }
        }
    }

    /** The origin edited a post. */
    public void rewrite(Community community, Post post, String title, PostBody body) {
        if (post.deleted()) {
            return;
        }
        ForumThread thread = repository.thread(community.id(), post.threadId()).orElseThrow();
        String oldTitle = post.seq() == 0 ? thread.title() : null;
        Set<String> crisis = safety.detect(community, body.text());
        repository.persist(post.edit(post.author(), oldTitle, body, !crisis.isEmpty(), clock.instant()));
        if (post.seq() == 0 && title != null && !title.isBlank()) {
            thread.retitle(title.length() > ForumThread.MAX_TITLE ? title.substring(0, ForumThread.MAX_TITLE) : title);
        }
    }

    /** A Like from elsewhere is a heart from that person; liking twice is one heart. */
    public void heart(Post post, MemberId by, boolean on) {
        Optional<Reaction> existing = repository.reaction(post.id(), by, ReactionKind.HEART);
        if (on && existing.isEmpty() && !post.isGone()) {
            repository.persist(new Reaction(post, by, ReactionKind.HEART, clock.instant()));
        } else if (!on) {
            existing.ifPresent(repository::remove);
        }
    }

    /** The origin community locked or unlocked a thread copied here. */
    public void lock(ForumThread thread, boolean locked) {
        if (locked) {
            thread.lock();
        } else {
            thread.unlock();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ForumThread> thread(Community community, UUID id) {
        return repository.thread(community.id(), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Post> post(Community community, UUID id) {
        return repository.post(community.id(), id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Post> openingPost(UUID threadId) {
        return repository.openingPost(threadId);
    }

    private Category remoteCategory(Community community) {
        return repository.categories(community.id()).stream()
                .filter(Category::holdsRemote)
                .findFirst()
                .orElseGet(() -> {
                    Category made = Category.forRemoteThreads(community.id(), remoteCategoryDetails(community.language()),
                            clock.instant());
                    repository.persist(made);
                    return made;
                });
    }

    /** Named in the community's language when Kinship speaks it (English and Norwegian), else in English. */
    static Category.Details remoteCategoryDetails(String language) {
        boolean norwegian = language != null && (language.equals("nb") || language.startsWith("nb-")
                || language.equals("no") || language.startsWith("no-") || language.equals("nn") || language.startsWith("nn-"));
        return norwegian
                ? new Category.Details("Fra andre fellesskap", "Tråder som fellesskapene dette følger, deler.", 1000,
                        StartPolicy.MODERATORS)
                : new Category.Details(REMOTE_CATEGORY, "Threads shared by communities this one follows.", 1000,
                        StartPolicy.MODERATORS);
    }

    private void written(Community community, ForumThread thread, Post post, MemberId answered, Set<String> crisis) {
        events.fire(new ForumEvent.PostWritten(community.id(), thread.id(), post.id(), post.author(), answered,
                thread.visibility(), Set.of(), false));
        if (!crisis.isEmpty()) {
            events.fire(new ForumEvent.CrisisLanguage(community.id(), thread.id(), post.id(), post.author(),
                    thread.visibility(), crisis));
        }
    }
}

package org.kinship.platform.notification.digest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.notification.Notification;

/**
 * What one digest says, before it is put into words: counts per kind and one entry per thread (or
 * per moderation notice). This is where privacy is decided, once, for both the text and the HTML:
 * an entry carries a thread's title only for a visible community thread, never for a closed circle;
 * it carries no post text and no pseudonym at all; the only free text is a moderation reason, which
 * is the member's own business.
 */
public record Digest(String communityName, String slug, String language, DigestFrequency frequency,
                     Map<Notification.Kind, Integer> counts, List<Entry> entries, int omitted) {
    /** At most this many entries are listed; the counts still cover everything. */
    public static final int MAX_ENTRIES = 40;

    /** What the digest may know about a thread. */
    public record ThreadInfo(Visibility visibility, boolean hidden, String title) {
    }

    /**
     * One line of the digest: a kind, the thread it links to (may be null: a mute concerns no thread),
     * the thread's title when it may be shown, a moderation notice's text, and how many notifications
     * it stands for.
     */
    public record Entry(Notification.Kind kind, UUID threadId, String title, String detail, int count) {
    }

    public Digest {
        Objects.requireNonNull(communityName);
        Objects.requireNonNull(slug);
        counts = Map.copyOf(counts);
        entries = List.copyOf(entries);
    }

    /** Builds a digest from a member's notifications (oldest first) and what is known of their threads. */
    public static Digest of(String communityName, String slug, String language, DigestFrequency frequency,
                            List<Notification> notifications, Map<UUID, ThreadInfo> threads) {
        Map<Notification.Kind, Integer> counts = new EnumMap<>(Notification.Kind.class);
        Map<String, Entry> grouped = new LinkedHashMap<>();
        for (Notification n : notifications) {
            if (!n.kind().inDigest()) {
                continue;
            }
            counts.merge(n.kind(), 1, Integer::sum);
            String title = n.threadId() == null ? null : shownTitle(threads.get(n.threadId()));
            if (n.kind() == Notification.Kind.MODERATION) {
                // Each notice stands alone: its reason is what the member needs to read.
                grouped.put("m:" + n.id(), new Entry(n.kind(), n.threadId(), title, n.detail(), 1));
            } else {
                grouped.merge(n.kind() + ":" + n.threadId(), new Entry(n.kind(), n.threadId(), title, null, 1),
                        (a, b) -> new Entry(a.kind(), a.threadId(), a.title(), null, a.count() + 1));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Notification.Kind kind : Notification.Kind.values()) {
            grouped.values().stream().filter(e -> e.kind() == kind).forEach(entries::add);
        }
        int omitted = Math.max(0, entries.size() - MAX_ENTRIES);
        return new Digest(communityName, slug, language, frequency, counts,
                entries.subList(0, Math.min(entries.size(), MAX_ENTRIES)), omitted);
    }

    /**
     * The title a digest may show: only a community thread's, and only while moderators have not hidden
     * it. A closed circle's title is as private as its posts (it can name a person or a diagnosis).
     */
    static String shownTitle(ThreadInfo thread) {
        if (thread == null || thread.visibility() != Visibility.COMMUNITY || thread.hidden()) {
            return null;
        }
        return thread.title();
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Notification.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public boolean isEmpty() {
        return total() == 0;
    }
}

package org.kinship.platform.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a post said before an edit. Moderators (and the author) can read it; nobody else. */
@Entity
@Table(name = "forum_post_revision")
public class PostRevision {
    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private UUID postId;

    @Column(length = ForumThread.MAX_TITLE, updatable = false)
    private String title;

    @Column(name = "body_source", nullable = false, updatable = false, length = PostBody.MAX_SOURCE)
    private String bodySource;

    @Column(name = "content_warning", updatable = false, length = PostBody.MAX_CONTENT_WARNING)
    private String contentWarning;

    @Column(name = "replaced_at", nullable = false, updatable = false)
    private Instant replacedAt;

    protected PostRevision() {
    }

    PostRevision(Post post, String title, String bodySource, String contentWarning, Instant replacedAt) {
        this.id = UUID.randomUUID();
        this.postId = post.id();
        this.title = title;
        this.bodySource = bodySource;
        this.contentWarning = contentWarning;
        this.replacedAt = replacedAt;
    }

    public String title() {
        return title;
    }

    public String bodySource() {
        return bodySource;
    }

    public String contentWarning() {
        return contentWarning;
    }

    public Instant replacedAt() {
        return replacedAt;
    }
}

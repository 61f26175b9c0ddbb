package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An actor on another server as we last fetched it: where to deliver to it, and the key it signs with. */
@Entity
@Table(name = "remote_actor")
public class RemoteActor {
    @Id
    private UUID id;

    @Column(nullable = false, length = 2048, updatable = false)
    private String iri;

    @Column(name = "iri_hash", nullable = false, length = 64, updatable = false)
    private String iriHash;

    @Column(nullable = false, length = 255, updatable = false)
    private String host;

    /** Group, Person, Application, Service or Organization. */
    @Column(nullable = false, length = 16)
    private String kind;

    @Column(name = "preferred_username", length = 255)
    private String preferredUsername;

    @Column(length = 255)
    private String name;

    @Column(nullable = false, length = 2048)
    private String inbox;

    @Column(name = "shared_inbox", length = 2048)
    private String sharedInbox;

    @Column(length = 2048)
    private String followers;

    @Column(name = "key_id", length = 2048)
    private String keyId;

    @Column(name = "public_key_pem", length = 8000)
    private String publicKeyPem;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    @Version
    private long version;

    protected RemoteActor() {
    }

    RemoteActor(URI iri, Instant now) {
        this.id = UUID.randomUUID();
        this.iri = iri.toString();
        this.iriHash = Hashes.sha256(this.iri);
        this.host = iri.getHost();
        this.fetchedAt = now;
    }

    /** Takes what the actor's origin says about it now. */
    void refresh(String kind, String preferredUsername, String name, URI inbox, URI sharedInbox, URI followers,
                 URI keyId, String publicKeyPem, Instant now) {
        this.kind = kind;
        this.preferredUsername = cut(preferredUsername);
        this.name = cut(name);
        this.inbox = inbox.toString();
        this.sharedInbox = sharedInbox == null ? null : sharedInbox.toString();
        this.followers = followers == null ? null : followers.toString();
        this.keyId = keyId == null ? null : keyId.toString();
        this.publicKeyPem = publicKeyPem;
        this.fetchedAt = now;
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 255 ? s.substring(0, 255) : s;
    }

    public UUID id() {
        return id;
    }

    public URI iri() {
        return URI.create(iri);
    }

    public String host() {
        return host;
    }

    public String kind() {
        return kind;
    }

    public boolean isGroup() {
        return "Group".equals(kind);
    }

    /** How this actor is shown locally: name@host (preferredUsername, else name, else "someone"). */
    public String handle() {
        String who = preferredUsername != null && !preferredUsername.isBlank() ? preferredUsername
                : name != null && !name.isBlank() ? name : "someone";
        return who + "@" + host;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public URI inbox() {
        return URI.create(inbox);
    }

    /** Where to deliver: the shared inbox when the actor has one, else its own. */
    public URI deliveryInbox() {
        return URI.create(sharedInbox != null ? sharedInbox : inbox);
    }

    public Optional<URI> followers() {
        return Optional.ofNullable(followers).map(URI::create);
    }

    public Optional<URI> keyId() {
        return Optional.ofNullable(keyId).map(URI::create);
    }

    public Optional<String> publicKeyPem() {
        return Optional.ofNullable(publicKeyPem);
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }
}

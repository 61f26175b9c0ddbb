package org.kinship.platform.safety;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/** One phrase of a community's own crisis word list. */
@Entity
@Table(name = "crisis_phrase")
public class CrisisPhrase {
    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(nullable = false, updatable = false, length = CrisisLanguage.MAX_PHRASE_LENGTH)
    private String phrase;

    protected CrisisPhrase() {
    }

    CrisisPhrase(CommunityId community, String phrase) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}

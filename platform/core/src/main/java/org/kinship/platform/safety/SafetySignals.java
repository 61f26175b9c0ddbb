package org.kinship.platform.safety;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.community.Community;

/**
 * Looks for crisis language in what a member writes, with the word lists for the community's
 * language. Finding some never blocks the writing: the caller alerts the moderators and shows the
 * author the community's crisis resources.
 */
@ApplicationScoped
public class SafetySignals {
    private final Map<String, CrisisLanguage> byLanguage = new ConcurrentHashMap<>();

    /** The crisis phrases found in the text (empty when none). */
    public Set<String> detect(Community community, String text) {
        CrisisLanguage language = byLanguage.computeIfAbsent(community.language(), CrisisLanguage::defaults);
        Set<String> phrases = new LinkedHashSet<>();
        language.find(text).forEach(match -> phrases.add(match.phrase()));
        return phrases;
    }
}

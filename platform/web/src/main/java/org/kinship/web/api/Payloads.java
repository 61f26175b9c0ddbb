package org.kinship.web.api;

import java.time.Instant;
import java.util.List;

/**
 * What the API reads and writes. Kept apart from the entities so that a database column never
 * becomes a wire field by accident (and an account id never leaves the server).
 */
public final class Payloads {
    private Payloads() {
    }

    public record CrisisResourceData(String label, String phone, String description) {
    }

    /** A directory entry: what anyone may see about a community. */
    public record CommunitySummary(String slug, String name, String description, String language,
                                   long memberCount, String registrationPolicy) {
    }

    /** The community page: the summary plus crisis resources, and the caller's own membership if any. */
    public record CommunityDetails(String id, String slug, String name, String description, String language, String timeZone,
                                   long memberCount, String registrationPolicy, List<CrisisResourceData> crisisResources,
                                   MyMembership membership) {
    }

    /** The caller's own standing in a community. */
    public record MyMembership(String memberId, String pseudonym, String role, String status) {
    }

    /**
     * Another member as members see them: a pseudonym and a role, nothing that links communities;
     * {@code revealedName} only when that member chose to show their name to the reader.
     */
    public record MemberData(String memberId, String pseudonym, String role, Instant joinedAt, String revealedName) {
    }

    public record RevealRequest(String pseudonym, String name) {
    }

    public record RevealData(String memberId, String pseudonym, String name) {
    }

    public record RevealsData(List<RevealData> mine, List<RevealData> toMe) {
    }

    public record ApplicationData(String memberId, String pseudonym, String note, Instant requestedAt) {
    }

    public record InvitationData(String id, String role, Instant createdAt, Instant expiresAt, int maxUses, int uses,
                                 boolean revoked) {
    }

    /** A freshly made invitation: the only time its token and link are shown. */
    public record IssuedInvitation(String id, String token, String url, String role, Instant expiresAt, int maxUses) {
    }

    public record CreatedCommunity(CommunityDetails community, IssuedInvitation firstAdminInvitation) {
    }

    public record Me(boolean authenticated, boolean platformAdmin, List<MyCommunity> communities) {
    }

    public record MyCommunity(String slug, String name, String memberId, String pseudonym, String role, String status) {
    }

    // Requests

    public record CommunitySettingsRequest(String slug, String name, String description, String language, String timeZone,
                                           String registrationPolicy, List<CrisisResourceData> crisisResources) {
    }

    public record JoinRequest(String pseudonym, String invitation, String note) {
    }

    public record RoleRequest(String role) {
    }

    public record InvitationRequest(Integer validHours, Integer maxUses) {
    }
}

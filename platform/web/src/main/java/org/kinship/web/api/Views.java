package org.kinship.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunitySettings;
import org.kinship.platform.community.CrisisResource;
import org.kinship.platform.community.Invitation;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.web.api.Payloads.CommunityDetails;
import org.kinship.web.api.Payloads.CommunitySettingsRequest;
import org.kinship.web.api.Payloads.CrisisResourceData;
import org.kinship.web.api.Payloads.MyMembership;

/** Translates between the domain and the API's payloads, in both directions. */
final class Views {
    private Views() {
    }

    static String publicUrl() {
        String url = System.getProperty("kinship.public-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new KinshipException(ErrorCode.MALFORMED_REQUEST, "A JSON request body is required.");
        }
        return body;
    }

    /** A path or body id; one that is not even a UUID names nothing, so it is "not found" with the caller's code. */
    static java.util.UUID uuid(String text, ErrorCode notFound) {
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KinshipException(notFound, "There is no such " + notFound.wireName().replace("_not_found", "") + ".");
        }
    }

    static CommunitySettings settings(CommunitySettingsRequest request) {
        required(request);
        List<CrisisResource> crisis = request.crisisResources() == null ? List.of()
                : request.crisisResources().stream()
                .map(c -> {
                    if (c == null) {
                        throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A crisis resource cannot be null.");
                    }
                    return new CrisisResource(c.label(), c.phone(), c.description());
                })
                .toList();
        return new CommunitySettings(request.name(), request.description(), request.language(),
                CommunitySettings.zone(request.timeZone()), CommunitySettings.policy(request.registrationPolicy()), crisis);
    }

    static CommunityDetails details(Community c, long memberCount, Membership mine) {
        return new CommunityDetails(c.id().value().toString(), c.slug().value(), c.name(), c.description(), c.language(), c.timeZone().getId(),
                memberCount, c.registrationPolicy().name(),
                c.crisisResources().stream().map(r -> new CrisisResourceData(r.label(), r.phone(), r.description())).toList(),
                mine == null ? null : new MyMembership(mine.id().toString(), mine.pseudonym().value(), mine.role().name(),
                        mine.status().name()));
    }

    static Payloads.IssuedInvitation issued(Community community, Invitation.Issued issued) {
        Invitation i = issued.invitation();
        String url = publicUrl() + "/c/" + community.slug().value() + "/join?invitation="
                + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8);
        return new Payloads.IssuedInvitation(i.id().toString(), issued.token(), url, i.grantsRole().name(), i.expiresAt(),
                i.maxUses());
    }

    static Payloads.InvitationData invitation(Invitation i) {
        return new Payloads.InvitationData(i.id().toString(), i.grantsRole().name(), i.createdAt(), i.expiresAt(),
                i.maxUses(), i.uses(), i.revoked());
    }
}

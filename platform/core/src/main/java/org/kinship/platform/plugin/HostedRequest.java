package org.kinship.platform.plugin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.kinship.plugin.api.CommunityInfo;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.MemberRole;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.api.PluginPermission;
import org.kinship.plugin.api.PluginRequest;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.error.KinshipException;

/**
 * One request as a plugin sees it: the community, the member (if any) and lookups of other active
 * members of the same community. Nothing from another community, no account, no identity-provider
 * data crosses into a plugin.
 */
final class HostedRequest implements PluginRequest {
    private final Community community;
    private final Optional<Membership> caller;
    private final boolean signedIn;
    private final CommunityRepository repository;
    private final PluginDatabase database;
    private final String language;
    private final Clock clock;
    private CommunityInfo info;

    HostedRequest(Community community, Optional<Membership> caller, boolean signedIn, CommunityRepository repository,
                  PluginDatabase database, String language, Clock clock) {
        this.community = community;
        this.caller = caller.filter(Membership::isActive);
        this.signedIn = signedIn;
        this.repository = repository;
        this.database = database;
        this.language = language;
        this.clock = clock;
    }

    @Override
    public CommunityInfo community() {
        if (info == null) {
            info = new CommunityInfo(community.id().value().toString(), community.slug().value(), community.name(),
                    community.language(), community.timeZone().getId(),
                    community.crisisResources().stream()
                            .map(r -> new CommunityInfo.CrisisNumber(r.label(), r.phone(), r.description() == null ? "" : r.description()))
                            .toList());
        }
        return info;
    }

    @Override
    public Optional<Member> member() {
        return caller.map(HostedRequest::toMember);
    }

    @Override
    public Member requireMember() {
        if (!signedIn) {
            throw new PluginException(401, "not_authenticated", "Please sign in first.");
        }
        return member().orElseThrow(() -> PluginException.forbidden("not_a_member",
                "This is for members of " + community.name() + "."));
    }

    @Override
    public Optional<Member> member(String memberId) {
        MemberId id;
        try {
            id = MemberId.parse(memberId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return repository.member(community.id(), id).filter(Membership::isActive).map(HostedRequest::toMember);
    }

    @Override
    public Optional<Member> memberNamed(String pseudonym) {
        Pseudonym name;
        try {
            name = Pseudonym.of(pseudonym);
        } catch (KinshipException | NullPointerException e) {
            return Optional.empty();
        }
        return repository.memberByPseudonym(community.id(), name.key()).filter(Membership::isActive).map(HostedRequest::toMember);
    }

    @Override
    public boolean has(PluginPermission permission) {
        return member().map(m -> permission.heldBy(m.role())).orElse(false);
    }

    @Override
    public Member require(PluginPermission permission) {
        Member member = requireMember();
        if (!permission.heldBy(member.role())) {
            throw PluginException.forbidden("forbidden", "You do not have permission to do this here.");
        }
        return member;
    }

    @Override
    public PluginDatabase database() {
        return database;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    static Member toMember(Membership membership) {
        return new Member(membership.id().toString(), membership.pseudonym().value(), MemberRole.valueOf(membership.role().name()));
    }
}

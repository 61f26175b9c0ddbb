package org.kinship.plugin.crisisplan;

import java.util.List;

/**
 * The JSON the plugin reads and writes, as public records (JSON-B maps records by their components). Kept apart
 * from {@link PlanContent} and {@link PlanStore} so the wire format can stay still while the storage changes.
 * Every answer carries the community's crisis numbers: whoever is looking at a crisis plan may need them now.
 */
public final class CrisisPlanJson {
    private CrisisPlanJson() {
    }

    /** {@code PUT plan}: the whole plan; {@code expectedVersion} is the version last read (0 when there was none). */
    public record PlanInput(Long expectedVersion, List<String> warningSigns, List<String> selfHelp,
                            List<String> othersCanDo, List<ContactJson> contacts, String ifCannotSpeak) {
    }

    /** One person or service to call; {@code kind} is {@code personal} or {@code professional}. */
    public record ContactJson(String name, String relation, String phone, String kind) {
    }

    public record CrisisNumberJson(String label, String phone, String description) {
    }

    /** A plan as its owner or a named reader sees it. {@code exists} is false (version 0) before the first save. */
    public record PlanJson(String ownerId, String ownerPseudonym, boolean mine, boolean exists, long version, String updatedAt,
                           List<String> warningSigns, List<String> selfHelp, List<String> othersCanDo,
                           List<ContactJson> contacts, String ifCannotSpeak, List<CrisisNumberJson> crisisNumbers) {
    }

    /** {@code POST plan/shares}: who to share with, by member id or by pseudonym. */
    public record ShareInput(String member, String pseudonym) {
    }

    /** {@code pseudonym} and {@code role} are absent for someone no longer an active member. */
    public record ShareJson(String memberId, String pseudonym, String role, String since) {
    }

    public record SharesJson(List<ShareJson> shares, List<CrisisNumberJson> crisisNumbers) {
    }

    /** One read by someone else: {@code viewerId} and {@code pseudonym} are absent once the reader deleted their account. */
    public record ViewJson(long id, String viewerId, String pseudonym, String viewedAt, String how) {
    }

    /** {@code next}: pass it as {@code before} for older views; absent on the last page. */
    public record ViewsJson(List<ViewJson> views, Long next, List<CrisisNumberJson> crisisNumbers) {
    }

    public record SharedPlanJson(String ownerId, String pseudonym, String since, String updatedAt) {
    }

    public record SharedWithMeJson(List<SharedPlanJson> plans, List<CrisisNumberJson> crisisNumbers) {
    }
}

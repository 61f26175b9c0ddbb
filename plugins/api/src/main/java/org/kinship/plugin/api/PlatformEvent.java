package org.kinship.plugin.api;

/**
 * What happened on the platform, as a plugin may observe it in
 * {@link KinshipPlugin#onEvent(PlatformEvent, PluginDatabase)}. New kinds may be added in a minor
 * API version: ignore the ones you do not know.
 */
public sealed interface PlatformEvent {
    /** The community it happened in. */
    String communityId();

    /** The member it happened to. */
    String memberId();

    /** Someone became an active member (joined an open community, or was approved). */
    record MemberJoined(String communityId, String memberId, MemberRole role) implements PlatformEvent {
    }

    /** A member's role changed. */
    record MemberRoleChanged(String communityId, String memberId, MemberRole from, MemberRole to) implements PlatformEvent {
    }

    /**
     * A member left, or was banned. They may come back under the same id; keep their own data
     * unless your plugin's promise says otherwise, but stop showing them to others.
     */
    record MemberLeft(String communityId, String memberId) implements PlatformEvent {
    }

    /**
     * The person deleted their account. Delete everything they own in this community, and every
     * share given to them, now: this is the promise Kinship makes them. Delivered inside the
     * deletion's transaction, for every membership the person ever had (also ones they left), so a
     * failure here stops the whole deletion rather than leaving part of their data behind.
     */
    record MemberDeleted(String communityId, String memberId) implements PlatformEvent {
    }
}

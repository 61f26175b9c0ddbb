package org.kinship.platform.community;

/** Fired when a platform admin has created a community. */
public record CommunityCreated(CommunityId community, Slug slug) {
}

/** In-app notifications: replies, mentions, moderation outcomes, circle invitations. */
package org.kinship.platform.notification;

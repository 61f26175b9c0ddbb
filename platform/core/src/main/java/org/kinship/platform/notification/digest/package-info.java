/**
 * The optional e-mail digest: off by default, daily or weekly, per community. It tells a member how
 * many replies, mentions and moderation notices wait for them and links to them; it never carries
 * what anyone wrote, and nothing at all of a closed circle but a link.
 */
package org.kinship.platform.notification.digest;

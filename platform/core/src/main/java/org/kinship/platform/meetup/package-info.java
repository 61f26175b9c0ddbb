/**
 * Meetups: the face-to-face (or online) cafés a community organises. A {@link org.kinship.platform.meetup.Meetup}
 * holds what stays the same; each date it happens on is an {@link org.kinship.platform.meetup.Occurrence},
 * materialised a horizon ahead from an RFC 5545 recurrence rule, and everything people do about a date
 * (RSVPs, the waiting list, "going together", reminders) belongs to its occurrence. Meetups will later
 * federate as ActivityPub {@code Event}s; nothing here knows about that.
 */
package org.kinship.platform.meetup;

/**
 * Meetups: the face-to-face (or online) cafés a community organises. A {@link org.kinship.platform.meetup.Meetup}
 * holds what stays the same; each date it happens on is an {@link org.kinship.platform.meetup.Occurrence},
 * materialised a horizon ahead from an RFC 5545 recurrence rule, and everything people do about a date
 * (RSVPs, the waiting list, "going together", reminders) belongs to its occurrence. Federation (the
 * {@code Event}s of shared meetups, remote Join and Leave, copies of followed communities' meetups) comes in
 * through {@link org.kinship.platform.meetup.FederatedMeetupDoor} and listens to
 * {@link org.kinship.platform.meetup.MeetupEvent}s; nothing here knows ActivityPub.
 */
package org.kinship.platform.meetup;

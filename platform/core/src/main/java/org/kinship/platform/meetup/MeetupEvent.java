package org.kinship.platform.meetup;

import java.util.List;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * What happened to a meetup, fired inside the use case's transaction. {@link MeetupNotifier} turns
 * them into notifications in the same transaction; federation observes them in that transaction too, so
 * that the {@code Create}/{@code Update}/{@code Delete} of a shared date's {@code Event} (and the answers
 * to remote {@code Join}s) are queued exactly when the change commits.
 */
public sealed interface MeetupEvent {
    CommunityId community();

    MeetupId meetup();

    OccurrenceId occurrence();

    /** A date was cancelled; {@code told} are everyone who answered about it. */
    record Cancelled(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId by, String reason,
                     List<MemberId> told) implements MeetupEvent {
    }

    /** A date moved; {@code told} are everyone who answered about it. */
    record TimeChanged(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId by, String detail,
                       List<MemberId> told) implements MeetupEvent {
    }

    /** A member got a place: from the waiting list, or approved. */
    record PlaceGiven(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId member, boolean fromWaitingList)
            implements MeetupEvent {
    }

    record OrganiserMessage(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId by, String text,
                            List<MemberId> told) implements MeetupEvent {
    }

    record CompanyOffered(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId asker, MemberId offerer)
            implements MeetupEvent {
    }

    /** Both agreed to go together: they are put in touch. */
    record CompanyMatched(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId asker, MemberId companion)
            implements MeetupEvent {
    }

    /** A new date exists: a meetup was made, a series was extended, or a copy of a remote meetup arrived. */
    record Scheduled(CommunityId community, MeetupId meetup, OccurrenceId occurrence) implements MeetupEvent {
    }

    /** The words, place, capacity or approval of a meetup changed; fired for each of its dates still to come. */
    record DetailsChanged(CommunityId community, MeetupId meetup, OccurrenceId occurrence) implements MeetupEvent {
    }

    /**
     * Someone answered about a date themselves (a member here, or a remote person through federation).
     * {@code before} is null for a first answer.
     */
    record Answered(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId member, RsvpStatus before,
                    RsvpStatus after) implements MeetupEvent {
    }

    /** The organiser (or a moderator) declined someone's request for a place. */
    record RequestDeclined(CommunityId community, MeetupId meetup, OccurrenceId occurrence, MemberId member, MemberId by)
            implements MeetupEvent {
    }
}

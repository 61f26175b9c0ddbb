package org.kinship.platform.meetup;

import java.util.List;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * What happened to a meetup, fired inside the use case's transaction. {@link MeetupNotifier} turns
 * them into notifications in the same transaction; federation will observe them after commit to
 * send {@code Update}/{@code Delete} of the {@code Event}.
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
}

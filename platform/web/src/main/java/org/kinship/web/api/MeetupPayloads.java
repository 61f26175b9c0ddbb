package org.kinship.web.api;

import java.time.Instant;
import java.util.List;

/** The meetups' wire shapes. Times are instants (UTC) plus the same moment as local time in {@code timeZone}. */
public final class MeetupPayloads {
    private MeetupPayloads() {
    }

    /** A new meetup, or new details ({@code start}, {@code end}, {@code recurrence}, {@code categoryId}, {@code threadId} only when creating). */
    public record MeetupRequest(String title, String description, String address, String mapUrl, String onlineUrl,
                                String accessibility, Integer capacity, Boolean approvalRequired, String start, String end,
                                String recurrence, String categoryId, String threadId) {
    }

    public record SettingsData(boolean membersMayOrganise) {
    }

    public record ReasonRequest(String reason) {
    }

    public record TimeRequest(String start, String end) {
    }

    public record MessageRequest(String text) {
    }

    public record MessageSent(int told) {
    }

    public record RsvpRequest(String answer, Boolean showPseudonym) {
    }

    public record RsvpData(String status, boolean showPseudonym, Integer waitingPosition) {
    }

    public record CompanyRequestBody(String note) {
    }

    public record AcceptRequest(String offerId) {
    }

    public record FeedData(String url, String token) {
    }

    /** One date of a meetup, as listed. */
    public record DateData(String meetupId, String id, String title, Instant start, Instant end, String localStart,
                           String localEnd, String timeZone, String status, long going, Integer capacity, String address,
                           String onlineUrl, boolean recurring, RsvpData mine, String url) {
    }

    public record MeetupData(String id, String title, String description, String address, String mapUrl, String onlineUrl,
                             String accessibility, Integer capacity, boolean approvalRequired, String timeZone,
                             String recurrence, String status, String threadId, String organiser, boolean canManage,
                             List<DateData> dates) {
    }

    public record AttendeeData(String memberId, String pseudonym, String status) {
    }

    /**
     * One date's page. {@code attendees}: for members, those going who chose to show their pseudonym
     * (and oneself); for the organiser and moderators, everyone who answered.
     */
    public record DatePageData(MeetupData meetup, DateData date, boolean canManage, long going, long waiting, long maybe,
                               long requested, List<AttendeeData> attendees) {
    }

    /** A request for company. {@code offers} only for its asker; {@code companion} only for the two matched. */
    public record CompanyData(String id, String pseudonym, String note, String status, boolean mine, boolean offeredByMe,
                              String companion, List<OfferData> offers) {
    }

    public record OfferData(String id, String pseudonym) {
    }
}

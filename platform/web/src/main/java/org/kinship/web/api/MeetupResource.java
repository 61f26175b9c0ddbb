package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.meetup.Answer;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.MeetupCalendar;
import org.kinship.platform.meetup.MeetupDetails;
import org.kinship.platform.meetup.MeetupId;
import org.kinship.platform.meetup.MeetupService;
import org.kinship.platform.meetup.Occurrence;
import org.kinship.platform.meetup.OccurrenceId;
import org.kinship.platform.meetup.Rsvp;
import org.kinship.platform.meetup.RsvpStatus;
import org.kinship.web.api.MeetupPayloads.AttendeeData;
import org.kinship.web.api.MeetupPayloads.CompanyData;
import org.kinship.web.api.MeetupPayloads.DateData;
import org.kinship.web.api.MeetupPayloads.DatePageData;
import org.kinship.web.api.MeetupPayloads.MeetupData;
import org.kinship.web.api.MeetupPayloads.MeetupRequest;
import org.kinship.web.api.MeetupPayloads.OfferData;
import org.kinship.web.api.MeetupPayloads.RsvpData;
import org.kinship.web.security.CurrentCaller;

/**
 * The meetups of one community: its own root resource (never a sub-path of a resource at
 * /communities/{slug}, which would hide the other resources under that prefix).
 */
@Path("/communities/{slug}/meetups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetupResource {
    static final String CALENDAR = "text/calendar";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    @PathParam("slug")
    String slug;

    @Inject
    MeetupService meetups;

    @Inject
    CurrentCaller caller;

    // ---- the community's meetups ----

    @GET
    public List<DateData> dates(@QueryParam("from") String from, @QueryParam("to") String to) {
        return meetups.dates(caller.require(), slug, instant("from", from), instant("to", to)).stream()
                .map(d -> date(slug, d)).toList();
    }

    @POST
    public Response create(MeetupRequest request) {
        Views.required(request);
        Meetup m = meetups.create(caller.require(), slug, new MeetupService.NewMeetup(details(request), request.start(),
                request.end(), request.recurrence(),
                request.categoryId() == null ? null : Views.uuid(request.categoryId(), ErrorCode.CATEGORY_NOT_FOUND),
                request.threadId() == null ? null : Views.uuid(request.threadId(), ErrorCode.THREAD_NOT_FOUND)));
        return Response.status(Response.Status.CREATED).entity(page(meetups.meetup(caller.require(), slug, m.id()))).build();
    }

    @GET
    @Path("settings")
    public MeetupPayloads.SettingsData settings() {
        return new MeetupPayloads.SettingsData(meetups.membersMayOrganise(caller.require(), slug));
    }

    @PUT
    @Path("settings")
    public MeetupPayloads.SettingsData changeSettings(MeetupPayloads.SettingsData request) {
        Views.required(request);
        return new MeetupPayloads.SettingsData(meetups.letMembersOrganise(caller.require(), slug, request.membersMayOrganise()));
    }

    /** The community's calendar (members only: send the session cookie or a bearer token). */
    @GET
    @Path("calendar.ics")
    // JSON too: a client that asks for JSON must still reach this method (and read its errors), not "{id}".
    @Produces({CALENDAR, MediaType.APPLICATION_JSON})
    public Response calendar() {
        MeetupService.Feed feed = meetups.communityFeed(caller.require(), slug);
        return ics(feed, feed.community().name());
    }

    /** A new secret address for my private feed; the previous one stops working. */
    @POST
    @Path("feed")
    public MeetupPayloads.FeedData regenerateFeed() {
        String token = meetups.regenerateFeed(caller.require(), slug);
        return new MeetupPayloads.FeedData(Views.publicUrl() + "/api/calendar/" + token + ".ics", token);
    }

    static Response ics(MeetupService.Feed feed, String name) {
        String slug = feed.community().slug().value();
        List<MeetupCalendar.Entry> entries = feed.dates().stream()
                .map(d -> new MeetupCalendar.Entry(d.meetup(), d.occurrence(), URI.create(pageUrl(slug, d.meetup(), d.occurrence()))))
                .toList();
        String text = MeetupCalendar.feed(name, URI.create(Views.publicUrl()).getHost(), entries, Instant.now());
        return Response.ok(text, CALENDAR + "; charset=utf-8").header("Cache-Control", "private, max-age=300").build();
    }

    // ---- one meetup ----

    @GET
    @Path("{id}")
    public MeetupData meetup(@PathParam("id") String id) {
        return page(meetups.meetup(caller.require(), slug, meetupId(id)));
    }

    @PUT
    @Path("{id}")
    public MeetupData update(@PathParam("id") String id, MeetupRequest request) {
        Views.required(request);
        if (request.start() != null || request.end() != null || request.recurrence() != null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "Times are changed date by date (PUT .../dates/{dateId}/time); the recurrence rule cannot change.");
        }
        MeetupId mid = meetupId(id);
        meetups.update(caller.require(), slug, mid, details(request));
        return page(meetups.meetup(caller.require(), slug, mid));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, MeetupPayloads.ReasonRequest request) {
        meetups.cancel(caller.require(), slug, meetupId(id), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    // ---- one date ----

    @GET
    @Path("{id}/dates/{date}")
    public DatePageData date(@PathParam("id") String id, @PathParam("date") String date) {
        MeetupService.DatePage p = meetups.date(caller.require(), slug, meetupId(id), dateId(date));
        MeetupData meetup = page(meetups.meetup(caller.require(), slug, p.meetup().id()));
        DateData d = date(slug, new MeetupService.DateSummary(p.meetup(), p.occurrence(), p.going(), p.mine()),
                p.myWaitingPosition());
        return new DatePageData(meetup, d, p.canManage(), p.going(), p.waiting(), p.maybe(), p.requested(),
                p.attendees().stream().map(a -> new AttendeeData(a.member().toString(), a.pseudonym(), a.status().name())).toList());
    }

    @POST
    @Path("{id}/dates/{date}/cancel")
    public Response cancelDate(@PathParam("id") String id, @PathParam("date") String date, MeetupPayloads.ReasonRequest request) {
        meetups.cancelOccurrence(caller.require(), slug, meetupId(id), dateId(date), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/dates/{date}/time")
    public DatePageData move(@PathParam("id") String id, @PathParam("date") String date, MeetupPayloads.TimeRequest request) {
        Views.required(request);
        meetups.move(caller.require(), slug, meetupId(id), dateId(date), request.start(), request.end());
        return date(id, date);
    }

    @PUT
    @Path("{id}/dates/{date}/rsvp")
    public RsvpData answer(@PathParam("id") String id, @PathParam("date") String date, MeetupPayloads.RsvpRequest request) {
        Views.required(request);
        Rsvp r = meetups.answer(caller.require(), slug, meetupId(id), dateId(date), Answer.parse(request.answer()),
                request.showPseudonym());
        MeetupService.DatePage p = meetups.date(caller.require(), slug, meetupId(id), dateId(date));
        return new RsvpData(r.status().name(), r.showPseudonym(), p.myWaitingPosition());
    }

    @POST
    @Path("{id}/dates/{date}/rsvps/{member}/approve")
    public RsvpData approve(@PathParam("id") String id, @PathParam("date") String date, @PathParam("member") String member) {
        Rsvp r = meetups.approve(caller.require(), slug, meetupId(id), dateId(date), memberId(member), true);
        return new RsvpData(r.status().name(), r.showPseudonym(), null);
    }

    @POST
    @Path("{id}/dates/{date}/rsvps/{member}/decline")
    public RsvpData decline(@PathParam("id") String id, @PathParam("date") String date, @PathParam("member") String member) {
        Rsvp r = meetups.approve(caller.require(), slug, meetupId(id), dateId(date), memberId(member), false);
        return new RsvpData(r.status().name(), r.showPseudonym(), null);
    }

    @POST
    @Path("{id}/dates/{date}/message")
    public MeetupPayloads.MessageSent message(@PathParam("id") String id, @PathParam("date") String date,
                                              MeetupPayloads.MessageRequest request) {
        Views.required(request);
        return new MeetupPayloads.MessageSent(meetups.message(caller.require(), slug, meetupId(id), dateId(date), request.text()));
    }

    // ---- going together ----

    @GET
    @Path("{id}/dates/{date}/company")
    public List<CompanyData> company(@PathParam("id") String id, @PathParam("date") String date) {
        return meetups.company(caller.require(), slug, meetupId(id), dateId(date)).stream().map(c -> {
            List<OfferData> offers = new java.util.ArrayList<>();
            for (int i = 0; i < c.offers().size(); i++) {
                offers.add(new OfferData(c.offerIds().get(i).toString(), c.offers().get(i)));
            }
            return new CompanyData(c.request().id().toString(), c.asker(), c.request().note(), c.request().status().name(),
                    c.mine(), c.offeredByMe(),
                    c.companion(), offers);
        }).toList();
    }

    @POST
    @Path("{id}/dates/{date}/company")
    public Response askForCompany(@PathParam("id") String id, @PathParam("date") String date, MeetupPayloads.CompanyRequestBody body) {
        meetups.askForCompany(caller.require(), slug, meetupId(id), dateId(date), body == null ? null : body.note());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/dates/{date}/company")
    public Response withdrawCompany(@PathParam("id") String id, @PathParam("date") String date) {
        meetups.withdrawCompany(caller.require(), slug, meetupId(id), dateId(date));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/dates/{date}/company/{request}/offer")
    public Response offer(@PathParam("id") String id, @PathParam("date") String date, @PathParam("request") String request) {
        meetups.offerCompany(caller.require(), slug, meetupId(id), dateId(date),
                Views.uuid(request, ErrorCode.COMPANY_REQUEST_NOT_FOUND));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/dates/{date}/company/accept")
    public CompanyData accept(@PathParam("id") String id, @PathParam("date") String date, MeetupPayloads.AcceptRequest body) {
        Views.required(body);
        var r = meetups.acceptCompany(caller.require(), slug, meetupId(id), dateId(date),
                Views.uuid(body.offerId(), ErrorCode.COMPANY_REQUEST_NOT_FOUND));
        return company(id, date).stream().filter(c -> c.id().equals(r.id().toString())).findFirst().orElseThrow();
    }

    // ---- translation ----

    private static MeetupDetails details(MeetupRequest r) {
        return new MeetupDetails(r.title(), r.description(), r.address(), r.mapUrl(), r.onlineUrl(), r.accessibility(),
                r.capacity(), Boolean.TRUE.equals(r.approvalRequired()));
    }

    private MeetupData page(MeetupService.MeetupPage p) {
        Meetup m = p.meetup();
        MeetupDetails d = m.details();
        return new MeetupData(m.id().toString(), m.title(), d.description(), d.address(), d.mapUrl(), d.onlineUrl(),
                d.accessibility(), d.capacity(), d.approvalRequired(), m.timeZone().getId(), m.recurrence().orElse(null),
                m.status().name(), m.threadId().map(UUID::toString).orElse(null), p.organiser(), p.canManage(),
                p.dates().stream().map(s -> date(slug, s)).toList());
    }

    static DateData date(String slug, MeetupService.DateSummary s) {
        return date(slug, s, null);
    }

    static DateData date(String slug, MeetupService.DateSummary s, Integer waitingPosition) {
        Meetup m = s.meetup();
        Occurrence o = s.occurrence();
        MeetupDetails d = m.details();
        boolean cancelled = o.cancelled() || m.status() == Meetup.Status.CANCELLED;
        Rsvp mine = s.mine();
        return new DateData(m.id().toString(), o.id().toString(), m.title(), o.startsAt(), o.endsAt(),
                o.startsAt().atZone(m.timeZone()).format(LOCAL), o.endsAt().atZone(m.timeZone()).format(LOCAL),
                m.timeZone().getId(), cancelled ? "CANCELLED" : "SCHEDULED", s.going(), d.capacity(), d.address(),
                d.onlineUrl(), m.recurrence().isPresent(),
                mine == null ? null : new RsvpData(mine.status().name(), mine.showPseudonym(),
                        mine.status() == RsvpStatus.WAITING ? waitingPosition : null),
                pageUrl(slug, m, o));
    }

    static String pageUrl(String slug, Meetup m, Occurrence o) {
        return Views.publicUrl() + "/c/" + slug + "/meetups/" + m.id() + "/" + o.id();
    }

    private static MeetupId meetupId(String id) {
        return new MeetupId(Views.uuid(id, ErrorCode.MEETUP_NOT_FOUND));
    }

    private static OccurrenceId dateId(String id) {
        return new OccurrenceId(Views.uuid(id, ErrorCode.OCCURRENCE_NOT_FOUND));
    }

    private static MemberId memberId(String id) {
        return new MemberId(Views.uuid(id, ErrorCode.MEMBER_NOT_FOUND));
    }

    private static Instant instant(String what, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.DateTimeException e) {
            try {
                return java.time.LocalDate.parse(text.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.DateTimeException e2) {
                throw new KinshipException(ErrorCode.VALIDATION_FAILED, "'" + what + "' must be a date (2026-12-01) or an instant.");
            }
        }
    }
}

package org.example.moodcheckin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.api.PluginRequest;

/**
 * {@code /api/communities/{community}/plugins/mood-checkin/checkins}: the member's own check-ins.
 * Every query is bound to the member asking, so nobody reads anyone else's.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CheckinResource {
    static final int DAYS_SHOWN = 30;
    static final int MAX_NOTE = 500;

    private final PluginRequest request;

    CheckinResource(PluginRequest request) {
        this.request = request;
    }

    /** The last 30 days. */
    @GET
    @Path("checkins")
    public CheckinList list() {
        Member me = request.requireMember();
        LocalDate today = today();
        return request.database().inTransaction(c -> new CheckinList(today.toString(),
                CheckinStore.since(c, request.community().id(), me.id(), today.minusDays(DAYS_SHOWN - 1))));
    }

    /** Today's check-in: 201 for the day's first, 200 when it replaces an earlier one. */
    @POST
    @Path("checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(CheckinInput input) {
        Member me = request.requireMember();
        if (input == null) {
            throw PluginException.invalid("validation_failed", "Send how you feel today as {\"mood\": 1 to 5, \"note\": \"...\"}.");
        }
        if (input.mood() == null || input.mood() < 1 || input.mood() > 5) {
            throw PluginException.invalid("mood_invalid", "Choose how you feel today, from 1 (very low) to 5 (very good).");
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw PluginException.invalid("note_too_long", "A note can be at most " + MAX_NOTE + " characters.");
        }
        Checkin checkin = new Checkin(today().toString(), input.mood(), note,
                request.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toString());
        boolean first = request.database().inTransaction(c -> CheckinStore.save(c, request.community().id(), me.id(), checkin));
        return Response.status(first ? Response.Status.CREATED : Response.Status.OK).entity(checkin).build();
    }

    /** Forgets one day's check-in. */
    @DELETE
    @Path("checkins/{day}")
    public Response forget(@PathParam("day") String day) {
        Member me = request.requireMember();
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw PluginException.invalid("day_invalid", "A day is written as 2026-11-22.");
        }
        boolean gone = request.database().inTransaction(c -> CheckinStore.delete(c, request.community().id(), me.id(), date));
        if (!gone) {
            throw PluginException.notFound("checkin_not_found", "There is no check-in on that day.");
        }
        return Response.noContent().build();
    }

    /** A check-in belongs to the day where the community lives, not to the server's day. */
    private LocalDate today() {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.community().timeZone());
        } catch (DateTimeException | NullPointerException e) {
            zone = ZoneOffset.UTC;
        }
        return LocalDate.ofInstant(request.now(), zone);
    }
}

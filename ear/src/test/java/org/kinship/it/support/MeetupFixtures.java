package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Meetups made through the API, in a {@link ForumFixtures} community (time zone Europe/Oslo). */
public final class MeetupFixtures {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private MeetupFixtures() {
    }

    public static String base(String slug) {
        return "/api/communities/" + slug + "/meetups";
    }

    public static String local(LocalDateTime t) {
        return t.format(LOCAL);
    }

    /** A meetup body with the given times and capacity (null: no limit). */
    public static String body(String title, String start, String end, Integer capacity, String extra) {
        return "{\"title\": " + Api.str(title) + ", \"description\": \"Coffee and talk\", \"address\": \"Storgata 1, Oslo\","
                + " \"accessibility\": \"Step-free entrance, quiet room\", \"capacity\": " + capacity + ", \"start\": "
                + Api.str(start) + ", \"end\": " + Api.str(end) + (extra == null ? "" : ", " + extra) + "}";
    }

    /** A one-off meetup by the moderator, {@code days} from now at 18:00 Oslo time, two hours long. */
    public static JsonObject oneOff(String slug, String title, int days, Integer capacity) {
        LocalDateTime start = LocalDateTime.now(OSLO).plusDays(days).withHour(18).withMinute(0).withSecond(0).withNano(0);
        return create(Tokens.MODERATOR, slug, body(title, local(start), local(start.plusHours(2)), capacity, null));
    }

    public static JsonObject create(String user, String slug, String body) {
        Api.Reply r = Api.as(user).post(base(slug), body);
        assertEquals(201, r.status(), r::toString);
        return r.object();
    }

    /** The path of a meetup's first date. */
    public static String firstDate(String slug, JsonObject meetup) {
        return base(slug) + "/" + meetup.getString("id") + "/dates/" + meetup.getJsonArray("dates").getJsonObject(0).getString("id");
    }

    public static Api.Reply rsvp(String user, String datePath, String answer) {
        return Api.as(user).put(datePath + "/rsvp", "{\"answer\": " + Api.str(answer) + "}");
    }
}

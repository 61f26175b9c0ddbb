package org.kinship.platform.meetup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetups as iCalendar (RFC 5545): the one translator between the domain and ical4j's model. Every
 * date is its own VEVENT (dates are materialised, each can be moved or cancelled on its own), with
 * local times and a TZID whose VTIMEZONE is in the same calendar, so a calendar program shows 18:00
 * as 18:00 whatever its own zone and across daylight-saving changes.
 *
 * <p>What a feed may contain: titles, times, the place, accessibility notes and the page link; never
 * who is going.
 */
public final class MeetupCalendar {
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private MeetupCalendar() {
    }

    /** One date in a feed, with the link to its page. */
    public record Entry(Meetup meetup, Occurrence occurrence, URI page) {
    }

    /**
     * The feed as text. {@code host} is the server's host name: UIDs are {@code meetup-<date id>@host},
     * stable across fetches so that calendar programs update an event instead of duplicating it.
     */
    public static String feed(String name, String host, List<Entry> entries, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Kinship//Meetups//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<ZoneId> zones = new LinkedHashSet<>();
        entries.forEach(e -> zones.add(e.meetup().timeZone()));
        for (ZoneId zone : zones) {
            VTimeZone vtz = timeZone(zone);
            calendar.add(vtz);
        }
        DtStamp stamp = new DtStamp(now.truncatedTo(ChronoUnit.SECONDS));
        for (Entry e : entries) {
            calendar.add(event(e, host, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The VTIMEZONE for a zone from ical4j's bundled definitions (never fetched from the network), under
     * the zone's own id. The bundled tz data folds zones that agree since 1970 into one (Europe/Oslo's
     * definition is Europe/Berlin's); the events say TZID=Europe/Oslo, so the definition must carry that
     * id or calendar programs find no VTIMEZONE for it. The rules are the same for every date a meetup
     * can have.
     */
    static VTimeZone timeZone(ZoneId zone) {
        var tz = ZONES.getTimeZone(zone.getId());
        if (tz == null) {
            throw new IllegalStateException("no VTIMEZONE definition for " + zone);
        }
        VTimeZone vtz = tz.getVTimeZone().copy();
        vtz.replace(new TzId(zone.getId()));
        vtz.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return vtz;
    }

    private static VEvent event(Entry e, String host, DtStamp stamp) {
        Meetup m = e.meetup();
        Occurrence o = e.occurrence();
        ZoneId zone = m.timeZone();
        ZonedDateTime start = o.startsAt().atZone(zone).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime end = o.endsAt().atZone(zone).truncatedTo(ChronoUnit.SECONDS);
        VEvent event = new VEvent(start, end, m.title());
        event.replace(stamp);
        event.add(new Uid("meetup-" + o.id() + "@" + host));
        event.add(new Url(e.page()));
        event.add(o.cancelled() || m.status() == Meetup.Status.CANCELLED ? new Status(Status.VALUE_CANCELLED)
                : new Status(Status.VALUE_CONFIRMED));
        MeetupDetails d = m.details();
        String where = d.address() != null ? d.address() : d.onlineUrl();
        event.add(new Location(where));
        StringBuilder text = new StringBuilder();
        if (d.description() != null) {
            text.append(d.description()).append("\n\n");
        }
        if (d.address() != null && d.onlineUrl() != null) {
            text.append("Online: ").append(d.onlineUrl()).append('\n');
        }
        if (d.mapUrl() != null) {
            text.append("Map: ").append(d.mapUrl()).append('\n');
        }
        if (d.accessibility() != null) {
            text.append("Accessibility: ").append(d.accessibility()).append('\n');
        }
        text.append(e.page());
        event.add(new Description(text.toString()));
        return event;
    }
}

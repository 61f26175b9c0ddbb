package org.kinship.platform.meetup;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kinship.platform.notification.digest.DigestMail;

/**
 * A reminder in words, in the community's language (English or Norwegian bokmål). It names the
 * meetup, its time and place and links to its page; it never names who else is going.
 */
public final class ReminderMail {
    private ReminderMail() {
    }

    public static DigestMail compose(ReminderStore.Claimed c, String publicUrl) {
        boolean nb = c.language() != null && (c.language().startsWith("nb") || c.language().startsWith("no"));
        ZonedDateTime start = c.start().atZone(c.zone());
        String time = start.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        String date = start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT));
        String link = trimSlash(publicUrl) + "/c/" + c.slug() + "/meetups/" + c.meetup() + "/" + c.occurrence();
        String when = c.kind() == ReminderStore.Kind.DAY
                ? (nb ? "i morgen kl. " : "tomorrow at ") + time
                : (nb ? "om to timer, kl. " : "in two hours, at ") + time;
        String subject = (nb ? "Påminnelse: " : "Reminder: ") + c.title() + " " + when;
        String text = (nb ? "Du skal på «" : "You are going to \u201c") + c.title() + (nb ? "» " : "\u201d ") + when
                + " (" + date + ", " + c.zone().getId() + ").\n"
                + (c.place() == null ? "" : (nb ? "Sted: " : "Place: ") + c.place() + "\n")
                + "\n" + link + "\n\n"
                + (nb ? "Kan du ikke komme likevel? Gi beskjed på siden, så får noen på ventelisten plassen din."
                      : "Can't make it after all? Say so on the page, and someone on the waiting list gets your place.")
                + "\n\u2014 " + c.communityName() + "\n";
        String html = "<p>" + escape(text.substring(0, text.indexOf('\n'))) + "</p>\n"
                + (c.place() == null ? "" : "<p>" + escape((nb ? "Sted: " : "Place: ") + c.place()) + "</p>\n")
                + "<p><a href=\"" + escape(link) + "\">" + escape(link) + "</a></p>\n"
                + "<p>" + escape(nb ? "Kan du ikke komme likevel? Gi beskjed på siden, så får noen på ventelisten plassen din."
                        : "Can't make it after all? Say so on the page, and someone on the waiting list gets your place.") + "</p>\n"
                + "<p>\u2014 " + escape(c.communityName()) + "</p>\n";
        return new DigestMail(subject, text, html);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

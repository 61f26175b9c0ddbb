package org.kinship.platform.notification.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kinship.platform.notification.Notification;

/**
 * Puts a {@link Digest} into words, in the community's language (English or Norwegian bokmål), as
 * plain text and as HTML with the same content. Plain Java on purpose: two short templates do not
 * need a template engine.
 *
 * <p>The subject says only how many notifications there are: no community name, no pseudonym, nothing
 * from a thread. A subject is what shows on a locked phone, and belonging to a mental-health peer-support
 * community is the member's own business.
 */
public final class DigestComposer {
    private DigestComposer() {
    }

    /** The words of one language. Counts are [singular, plural]. */
    private record Words(String[] notifications, String subjectPrefix, String intro, String[] replies, String[] mentions,
                         String[] moderation, String[] invitations, String repliesHeading, String mentionsHeading,
                         String moderationHeading, String invitationsHeading, String inCircle, String circleInvitation,
                         String noThread, String more, String daily, String weekly, String why, String open,
                         String notEmergency, String quoteOpen, String quoteClose) {
    }

    private static final Words EN = new Words(
            new String[] {"new notification", "new notifications"},
            "Your Kinship digest: ",
            "This is waiting for you in %s since your last digest:",
            new String[] {"reply", "replies"},
            new String[] {"mention", "mentions"},
            new String[] {"moderation notice", "moderation notices"},
            new String[] {"circle invitation", "circle invitations"},
            "Replies", "Mentions", "Moderation notices", "Circle invitations",
            "In a closed circle",
            "An invitation to a closed circle",
            "About your membership",
            "… and %d more on the notifications page.",
            "daily", "weekly",
            "Kinship sends this because you asked for a %s e-mail digest in %s. To change or stop it, sign in and open %s.",
            "Open",
            "Kinship is not an emergency service. The crisis numbers are on the community page.",
            "“", "”");

    private static final Words NB = new Words(
            new String[] {"nytt varsel", "nye varsler"},
            "Ditt Kinship-sammendrag: ",
            "Dette venter på deg i %s siden forrige sammendrag:",
            new String[] {"svar", "svar"},
            new String[] {"omtale", "omtaler"},
            new String[] {"melding fra moderatorene", "meldinger fra moderatorene"},
            new String[] {"invitasjon til en sirkel", "invitasjoner til sirkler"},
            "Svar", "Omtaler", "Meldinger fra moderatorene", "Invitasjoner til sirkler",
            "I en lukket sirkel",
            "En invitasjon til en lukket sirkel",
            "Om medlemskapet ditt",
            "… og %d til på varselsiden.",
            "daglig", "ukentlig",
            "Kinship sender dette fordi du ba om et %s sammendrag på e-post fra %s. For å endre eller stoppe det, logg inn og åpne %s.",
            "Åpne",
            "Kinship er ikke en nødtjeneste. Krisenumrene står på fellesskapets side.",
            "«", "»");

    /** Norwegian bokmål (and the generic Norwegian tags, which mostly mean bokmål); English otherwise. */
    static boolean norwegian(String language) {
        String tag = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return tag.equals("nb") || tag.startsWith("nb-") || tag.equals("no") || tag.startsWith("no-");
    }

    public static DigestMail compose(Digest digest, String publicUrl) {
        Words w = norwegian(digest.language()) ? NB : EN;
        String base = trimSlash(publicUrl);
        String communityUrl = base + "/c/" + digest.slug();

        String subject = w.subjectPrefix() + digest.total() + " " + plural(w.notifications(), digest.total());
        String summary = summary(digest, w);
        String intro = String.format(w.intro(), digest.communityName());
        String why = String.format(w.why(), digest.frequency() == DigestFrequency.WEEKLY ? w.weekly() : w.daily(),
                digest.communityName(), communityUrl);

        StringBuilder text = new StringBuilder();
        text.append(intro).append('\n').append(summary).append(".\n");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(norwegian(digest.language()) ? "nb" : "en")
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>\n")
                .append("<body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\n")
                .append("<p>").append(escape(intro)).append("<br>\n<strong>").append(escape(summary)).append(".</strong></p>\n");

        for (Notification.Kind kind : Notification.Kind.values()) {
            List<Digest.Entry> entries = digest.entries().stream().filter(e -> e.kind() == kind).toList();
            if (entries.isEmpty()) {
                continue;
            }
            String heading = heading(kind, w);
            text.append('\n').append(heading).append('\n');
            html.append("<h2 style=\"font-size: 1.1em\">").append(escape(heading)).append("</h2>\n<ul>\n");
            for (Digest.Entry e : entries) {
                String link = e.threadId() == null ? communityUrl : communityUrl + "/forum/t/" + e.threadId();
                String label = label(e, w);
                text.append("- ").append(label).append(": ").append(link).append('\n');
                html.append("<li>").append(escape(label)).append(": <a href=\"").append(escape(link)).append("\">")
                        .append(escape(w.open())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        if (digest.omitted() > 0) {
            String more = String.format(w.more(), digest.omitted());
            text.append('\n').append(more).append('\n');
            html.append("<p>").append(escape(more)).append("</p>\n");
        }
        text.append("\n--\n").append(why).append('\n').append(w.notEmergency()).append('\n');
        html.append("<hr>\n<p style=\"font-size: 0.9em; color: #555\">").append(escape(why)).append("<br>\n")
                .append(escape(w.notEmergency())).append("</p>\n</body>\n</html>\n");
        return new DigestMail(subject, text.toString(), html.toString());
    }

    /** "2 replies, 1 mention, 1 moderation notice", in the order of the notification kinds. */
    private static String summary(Digest digest, Words w) {
        List<String> parts = new ArrayList<>();
        for (Notification.Kind kind : Notification.Kind.values()) {
            int n = digest.count(kind);
            if (n > 0) {
                parts.add(n + " " + plural(counted(kind, w), n));
            }
        }
        return String.join(", ", parts);
    }

    /** What one line says: a title (community threads only), "in a closed circle", or a moderator's notice. */
    private static String label(Digest.Entry e, Words w) {
        String where = e.title() != null ? w.quoteOpen() + e.title() + w.quoteClose()
                : e.kind() == Notification.Kind.CIRCLE_INVITATION ? w.circleInvitation()
                : e.threadId() == null ? w.noThread()
                : w.inCircle();
        if (e.kind() == Notification.Kind.MODERATION) {
            String detail = e.detail() == null ? "" : e.detail().replaceAll("\\s+", " ").strip();
            return detail.isEmpty() ? where : e.title() != null ? detail + " (" + where + ")" : detail;
        }
        return e.count() > 1 ? where + " (" + e.count() + ")" : where;
    }

    private static String[] counted(Notification.Kind kind, Words w) {
        return switch (kind) {
            case REPLY -> w.replies();
            case MENTION -> w.mentions();
            case MODERATION -> w.moderation();
            case CIRCLE_INVITATION -> w.invitations();
            default -> throw new IllegalArgumentException("not in the digest: " + kind);
        };
    }

    private static String heading(Notification.Kind kind, Words w) {
        return switch (kind) {
            case REPLY -> w.repliesHeading();
            case MENTION -> w.mentionsHeading();
            case MODERATION -> w.moderationHeading();
            case CIRCLE_INVITATION -> w.invitationsHeading();
            default -> throw new IllegalArgumentException("not in the digest: " + kind);
        };
    }

    private static String plural(String[] forms, int n) {
        return n == 1 ? forms[0] : forms[1];
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package org.kinship.plugin.crisisplan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.kinship.plugin.api.CommunityInfo;
import org.kinship.plugin.crisisplan.PlanContent.Contact;
import org.kinship.plugin.crisisplan.PlanContent.ListKind;

/**
 * The copy of a plan a member keeps on their phone: one self-contained HTML file that needs no network, no
 * script and no Kinship to open, with the community's crisis numbers first. Every piece of text in it comes
 * from people (the plan's owner, the community's admin), so every piece goes through {@link #escape}; phone
 * links keep only what a dialler understands.
 */
final class PlanDocument {
    private static final String STYLE = """
            :root{color-scheme:light dark}
            body{font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}
            h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .4rem}
            .crisis{border:3px solid #b3261e;border-radius:.5rem;padding:.5rem 1rem}
            .crisis ul,.contacts{list-style:none;padding:0}.crisis li,.contacts li{margin:.5rem 0}
            a[href^="tel:"]{font-weight:700;font-size:1.15rem;white-space:nowrap}
            .kind,.small{font-size:.9rem;opacity:.85}
            .text{white-space:pre-wrap}
            @media print{a{color:inherit;text-decoration:none}.crisis{border-color:#000}}
            """;

    private PlanDocument() {
    }

    /**
     * @param content   what the plan says
     * @param ownerName the owner's pseudonym for a reader's copy; null for the owner's own copy
     * @param updatedAt when the plan last changed, or null if it was never saved
     */
    static String render(PlanContent content, String ownerName, Instant updatedAt, CommunityInfo community, Instant now,
                         String language) {
        String lang = Words.language(language);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Words.locale(lang)).withZone(zone(community.timeZone()));
        String title = ownerName == null ? Words.get(lang, "doc.title") : Words.get(lang, "doc.titleOf", "name", ownerName);
        StringBuilder out = new StringBuilder(4096);
        out.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");

        String communityName = community.name() == null ? "" : community.name();
        out.append("<section class=\"crisis\" aria-labelledby=\"crisis-numbers\">\n<h2 id=\"crisis-numbers\">")
                .append(escape(Words.get(lang, "doc.crisisNumbers", "community", communityName))).append("</h2>\n");
        List<CommunityInfo.CrisisNumber> numbers = community.crisisNumbers();
        if (numbers.isEmpty()) {
            out.append("<p>").append(escape(Words.get(lang, "doc.noCrisisNumbers", "community", communityName))).append("</p>\n");
        } else {
            out.append("<ul>\n");
            for (CommunityInfo.CrisisNumber n : numbers) {
                out.append("<li><span").append(langAttribute(community.language(), lang)).append(">").append(escape(n.label()))
                        .append("</span><br>").append(phoneLink(n.phone(), lang));
                if (n.description() != null && !n.description().isBlank()) {
                    out.append("<br><span class=\"small\"").append(langAttribute(community.language(), lang)).append(">")
                            .append(escape(n.description())).append("</span>");
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.notEmergency"))).append("</p>\n</section>\n");

        for (ListKind kind : ListKind.values()) {
            out.append("<h2>").append(escape(Words.get(lang, "list." + kind.key))).append("</h2>\n");
            List<String> lines = content.list(kind);
            if (lines.isEmpty()) {
                out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.empty"))).append("</p>\n");
            } else {
                out.append("<ul>\n");
                for (String line : lines) {
                    out.append("<li>").append(escape(line)).append("</li>\n");
                }
                out.append("</ul>\n");
            }
        }

        out.append("<h2>").append(escape(Words.get(lang, "doc.contacts"))).append("</h2>\n");
        if (content.contacts().isEmpty()) {
            out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.empty"))).append("</p>\n");
        } else {
            out.append("<ul class=\"contacts\">\n");
            for (Contact c : content.contacts()) {
                out.append("<li><strong>").append(escape(c.name())).append("</strong>");
                if (!c.relation().isEmpty()) {
                    out.append(" (").append(escape(c.relation())).append(")");
                }
                out.append(" <span class=\"kind\">").append(escape(Words.get(lang,
                        "professional".equals(c.kind()) ? "doc.professional" : "doc.personal"))).append("</span><br>")
                        .append(phoneLink(c.phone(), lang)).append("</li>\n");
            }
            out.append("</ul>\n");
        }

        out.append("<h2>").append(escape(Words.get(lang, "doc.ifCannotSpeak"))).append("</h2>\n");
        if (content.ifCannotSpeak().isEmpty()) {
            out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.empty"))).append("</p>\n");
        } else {
            out.append("<p class=\"text\">").append(escape(content.ifCannotSpeak())).append("</p>\n");
        }

        out.append("<hr>\n");
        if (updatedAt != null) {
            out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.updated", "when", when.format(updatedAt))))
                    .append("</p>\n");
        }
        out.append("<p class=\"small\">").append(escape(Words.get(lang, "doc.saved", "when", when.format(now),
                "community", communityName))).append("</p>\n")
                .append("<p class=\"small\">").append(escape(Words.get(lang, "doc.private"))).append("</p>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    /** A number as a link a phone can dial: the href keeps digits and a leading +, the text is escaped as written. */
    static String phoneLink(String phone, String lang) {
        String shown = phone == null ? "" : phone;
        String digits = shown.replaceAll("[^0-9+]", "");
        String dial = digits.startsWith("+") ? "+" + digits.substring(1).replace("+", "") : digits.replace("+", "");
        if (dial.replace("+", "").isEmpty()) {
            return escape(shown);
        }
        return "<a href=\"tel:" + dial + "\"><span class=\"small\">" + escape(Words.get(lang, "doc.call")) + "</span> "
                + escape(shown) + "</a>";
    }

    /** Text for HTML element content and double- or single-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Crisis numbers are written in the community's language, which may differ from the reader's. */
    private static String langAttribute(String communityLanguage, String pageLanguage) {
        if (communityLanguage == null || communityLanguage.equals(pageLanguage) || !communityLanguage.matches("[a-z]{2,3}")) {
            return "";
        }
        return " lang=\"" + communityLanguage + "\"";
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}

package org.kinship.plugin.toolbox;

import java.util.Map;
import org.kinship.plugin.api.PluginException;

/**
 * Every answer the toolbox refuses with, by stable code: its status and its words in English and
 * Norwegian bokmål. One table, so a code keeps one status and one meaning wherever it is thrown. The
 * words never repeat what was sent: a refused value may be private.
 */
final class Refusals {
    private record Words(int status, String en, String nb) {
    }

    private static final Map<String, Words> WORDS = Map.ofEntries(
            Map.entry("malformed_request", new Words(400, "The request body is not a JSON object.", "Forespørselen er ikke et JSON-objekt.")),
            Map.entry("validation_failed", new Words(400, "Something in the request is missing or not allowed.", "Noe i forespørselen mangler eller er ikke tillatt.")),
            Map.entry("title_invalid", new Words(400, "A title is one line of 1 to 150 characters.", "En tittel er én linje på 1 til 150 tegn.")),
            Map.entry("name_invalid", new Words(400, "A name is one line of 1 to 100 characters.", "Et navn er én linje på 1 til 100 tegn.")),
            Map.entry("text_too_long", new Words(400, "One of the texts is too long.", "En av tekstene er for lang.")),
            Map.entry("date_invalid", new Words(400, "A date is written as 2026-11-23, a week as 2026-W48.", "En dato skrives 2026-11-23, en uke 2026-W48.")),
            Map.entry("time_invalid", new Words(400, "A time is written as HH:MM (for example 08:30), and an end comes after its start.", "Et klokkeslett skrives TT:MM (for eksempel 08:30), og slutt kommer etter start.")),
            Map.entry("dose_invalid", new Words(400, "A dose is a number above 0 (up to three decimals) and a unit such as mg or ml.", "En dose er et tall over 0 (høyst tre desimaler) og en enhet som mg eller ml.")),
            Map.entry("steps_invalid", new Words(400, "A goal has at most 50 steps, each one line of 1 to 300 characters.", "Et mål har høyst 50 steg, hvert én linje på 1 til 300 tegn.")),
            Map.entry("progress_invalid", new Words(400, "Progress is a whole number from 0 to 100.", "Fremdrift er et helt tall fra 0 til 100.")),
            Map.entry("closeness_invalid", new Words(400, "Closeness is 1, 2 or 3 (inner, middle or outer).", "Nærhet er 1, 2 eller 3 (indre, midtre eller ytre).")),
            Map.entry("kind_invalid", new Words(400, "That kind is not one of the kinds offered.", "Den typen finnes ikke.")),
            Map.entry("minutes_invalid", new Words(400, "Minutes are a whole number from 1 to 240.", "Minutter er et helt tall fra 1 til 240.")),
            Map.entry("url_invalid", new Words(400, "A link is a full http:// or https:// address.", "En lenke er en full http://- eller https://-adresse.")),
            Map.entry("version_invalid", new Words(400, "Send the version you last read with a change.", "Send med versjonen du sist leste.")),
            Map.entry("share_target_not_member", new Words(400, "You can share only with someone who is a member of this community.", "Du kan bare dele med noen som er medlem av dette fellesskapet.")),
            Map.entry("share_with_self", new Words(400, "This is already yours.", "Dette er allerede ditt.")),
            Map.entry("not_owner", new Words(403, "This was shared with you to read. Only its owner can change it.", "Dette er delt med deg for lesing. Bare eieren kan endre det.")),
            Map.entry("item_not_found", new Words(404, "There is nothing here.", "Det er ingenting her.")),
            Map.entry("share_not_found", new Words(404, "This is not shared with that person.", "Dette er ikke delt med den personen.")),
            Map.entry("version_conflict", new Words(409, "Someone changed this meanwhile. Reload it and try again.", "Dette ble endret i mellomtiden. Last inn på nytt og prøv igjen.")));

    private final String language;

    Refusals(String language) {
        this.language = "nb".equals(language) ? "nb" : "en";
    }

    PluginException of(String code) {
        Words w = WORDS.get(code);
        if (w == null) {
            throw new IllegalArgumentException("no words for " + code);
        }
        return new PluginException(w.status(), code, "nb".equals(language) ? w.nb() : w.en());
    }

    static boolean knows(String code) {
        return WORDS.containsKey(code);
    }
}

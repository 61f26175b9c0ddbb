package org.kinship.plugin.crisisplan;

import java.util.Locale;
import java.util.Map;

/**
 * The plugin's own words on the server side (error messages and the downloaded copy), in English and
 * Norwegian bokmål. The web pages carry their own strings; these are for text the server writes.
 */
final class Words {
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("err.validation_failed", "The plan could not be read. Send the warning signs, the lists, the contacts and the text as the form does."),
            Map.entry("err.share_target_required", "Name the member to share with, by pseudonym or id."),
            Map.entry("err.too_many_items", "{list} can hold at most {max} lines."),
            Map.entry("err.item_invalid", "Line {n} of {list} is empty, longer than {max} characters, or more than one line."),
            Map.entry("err.too_many_contacts", "A plan can hold at most {max} people to call."),
            Map.entry("err.contact_name_invalid", "Person {n} to call needs a name of at most {max} characters, on one line."),
            Map.entry("err.contact_relation_invalid", "Who person {n} is to you can be at most {max} characters, on one line."),
            Map.entry("err.phone_invalid", "The phone number of person {n} is not a phone number: 3 to 15 digits, with + at the start if you like and spaces, dashes, dots or brackets between."),
            Map.entry("err.contact_kind_invalid", "Person {n} to call is either personal or professional."),
            Map.entry("err.text_too_long", "What you want people to know can be at most {max} characters."),
            Map.entry("err.text_invalid", "What you want people to know holds characters that are not text (control characters)."),
            Map.entry("err.version_invalid", "expectedVersion is the version you last read: a whole number, 0 or more."),
            Map.entry("err.concurrent_update", "Your plan was changed somewhere else in the meantime (another tab or device). Reload it, then make your change again."),
            Map.entry("err.share_target_not_member", "There is no member by that name in this community. A crisis plan can only be shared with members here."),
            Map.entry("err.cannot_share_with_self", "This is your own plan: you can always read it."),
            Map.entry("err.already_shared", "You already share your plan with this member."),
            Map.entry("err.share_not_found", "You do not share your plan with this member."),
            Map.entry("err.plan_not_found", "There is no crisis plan here that you may read."),
            Map.entry("err.not_owner", "Only the person whose plan this is can change it."),
            Map.entry("err.how_invalid", "how is web or print."),
            Map.entry("list.warning_sign", "Warning signs"),
            Map.entry("list.self_help", "What I can do myself"),
            Map.entry("list.others_can_do", "What others can do"),
            Map.entry("doc.title", "Crisis plan"),
            Map.entry("doc.titleOf", "Crisis plan of {name}"),
            Map.entry("doc.crisisNumbers", "Crisis numbers in {community}"),
            Map.entry("doc.noCrisisNumbers", "{community} has not listed crisis numbers. In an emergency, call 112 (or your local emergency number)."),
            Map.entry("doc.notEmergency", "Kinship is not an emergency service. If your life or someone else's is in danger, call the emergency number."),
            Map.entry("doc.contacts", "Who to call"),
            Map.entry("doc.personal", "Personal"),
            Map.entry("doc.professional", "Professional"),
            Map.entry("doc.call", "Call"),
            Map.entry("doc.ifCannotSpeak", "If I can't speak for myself"),
            Map.entry("doc.empty", "Nothing written yet."),
            Map.entry("doc.saved", "Copy made {when} from {community}. It does not change when the plan does: download it again after a change."),
            Map.entry("doc.updated", "Plan last changed {when}."),
            Map.entry("doc.private", "This is private. Keep it where only you, and the people you choose, can read it."));

    private static final Map<String, String> NB = Map.ofEntries(
            Map.entry("err.validation_failed", "Planen kunne ikke leses. Send varseltegnene, listene, kontaktene og teksten slik skjemaet gjør."),
            Map.entry("err.share_target_required", "Oppgi medlemmet du vil dele med, med pseudonym eller id."),
            Map.entry("err.too_many_items", "{list} kan ha høyst {max} linjer."),
            Map.entry("err.item_invalid", "Linje {n} i {list} er tom, lengre enn {max} tegn eller mer enn én linje."),
            Map.entry("err.too_many_contacts", "En plan kan ha høyst {max} personer å ringe."),
            Map.entry("err.contact_name_invalid", "Person {n} å ringe trenger et navn på høyst {max} tegn, på én linje."),
            Map.entry("err.contact_relation_invalid", "Hvem person {n} er for deg kan være høyst {max} tegn, på én linje."),
            Map.entry("err.phone_invalid", "Telefonnummeret til person {n} er ikke et telefonnummer: 3 til 15 sifre, gjerne med + først og mellomrom, bindestrek, punktum eller parenteser mellom."),
            Map.entry("err.contact_kind_invalid", "Person {n} å ringe er enten privat eller profesjonell."),
            Map.entry("err.text_too_long", "Det du vil at folk skal vite kan være høyst {max} tegn."),
            Map.entry("err.text_invalid", "Det du vil at folk skal vite inneholder tegn som ikke er tekst (kontrolltegn)."),
            Map.entry("err.version_invalid", "expectedVersion er versjonen du sist leste: et helt tall, 0 eller mer."),
            Map.entry("err.concurrent_update", "Planen din ble endret et annet sted i mellomtiden (en annen fane eller enhet). Last den inn på nytt og gjør endringen igjen."),
            Map.entry("err.share_target_not_member", "Det finnes ikke noe medlem med det navnet i dette fellesskapet. En kriseplan kan bare deles med medlemmer her."),
            Map.entry("err.cannot_share_with_self", "Dette er din egen plan: du kan alltid lese den."),
            Map.entry("err.already_shared", "Du deler allerede planen din med dette medlemmet."),
            Map.entry("err.share_not_found", "Du deler ikke planen din med dette medlemmet."),
            Map.entry("err.plan_not_found", "Det finnes ingen kriseplan her som du kan lese."),
            Map.entry("err.not_owner", "Bare den som eier planen kan endre den."),
            Map.entry("err.how_invalid", "how er web eller print."),
            Map.entry("list.warning_sign", "Varseltegn"),
            Map.entry("list.self_help", "Det jeg kan gjøre selv"),
            Map.entry("list.others_can_do", "Det andre kan gjøre"),
            Map.entry("doc.title", "Kriseplan"),
            Map.entry("doc.titleOf", "Kriseplanen til {name}"),
            Map.entry("doc.crisisNumbers", "Krisenumre i {community}"),
            Map.entry("doc.noCrisisNumbers", "{community} har ikke oppgitt krisenumre. Ved fare for liv, ring 113 (eller nødnummeret der du er)."),
            Map.entry("doc.notEmergency", "Kinship er ikke en nødtjeneste. Er ditt eller andres liv i fare, ring nødnummeret."),
            Map.entry("doc.contacts", "Hvem jeg kan ringe"),
            Map.entry("doc.personal", "Privat"),
            Map.entry("doc.professional", "Profesjonell"),
            Map.entry("doc.call", "Ring"),
            Map.entry("doc.ifCannotSpeak", "Hvis jeg ikke kan snakke for meg selv"),
            Map.entry("doc.empty", "Ingenting skrevet ennå."),
            Map.entry("doc.saved", "Kopi laget {when} fra {community}. Den endres ikke når planen endres: last den ned igjen etter en endring."),
            Map.entry("doc.updated", "Planen ble sist endret {when}."),
            Map.entry("doc.private", "Dette er privat. Oppbevar det der bare du, og de du velger, kan lese det."));

    private Words() {
    }

    static String language(String requested) {
        return "nb".equals(requested) ? "nb" : "en";
    }

    static Locale locale(String language) {
        return "nb".equals(language) ? Locale.forLanguageTag("nb-NO") : Locale.UK;
    }

    /** The text for {@code key} in {@code language} with {@code {name}} placeholders filled from pairs. */
    static String get(String language, String key, Object... pairs) {
        String text = ("nb".equals(language) ? NB : EN).getOrDefault(key, EN.get(key));
        if (text == null) {
            throw new IllegalArgumentException("no words for " + key);
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            text = text.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
        }
        return text;
    }
}

package org.kinship.plugin.crisisplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kinship.plugin.api.PluginException;

/**
 * What a crisis plan says, checked: the only way to make one is {@link #validated}, so the store never sees
 * a line too long or a phone number that is not one. Limits are counted in code points (what a person
 * counts as characters), and a refused plan names the list and line at fault but never repeats its text.
 *
 * @param warningSigns   my warning signs, one per line
 * @param selfHelp       what I can do myself
 * @param othersCanDo    what others can do
 * @param contacts       who to call, in my order
 * @param ifCannotSpeak  what I want people to know if I can't speak for myself (may be empty, may hold new lines)
 */
record PlanContent(List<String> warningSigns, List<String> selfHelp, List<String> othersCanDo,
                   List<Contact> contacts, String ifCannotSpeak) {

    static final int MAX_ITEMS = 30;
    static final int MAX_ITEM_LENGTH = 300;
    static final int MAX_CONTACTS = 20;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_RELATION_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 4000;

    /** Digits, an optional leading +, and the separators people write between groups. */
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9 ().\\-]+");
    /** Control characters other than the new lines and tabs a long text may hold. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t\\u2028\\u2029]");

    /** The three lists, by the name they have in the database and in error messages. */
    enum ListKind {
        WARNING_SIGN("warning_sign"), SELF_HELP("self_help"), OTHERS_CAN_DO("others_can_do");

        final String key;

        ListKind(String key) {
            this.key = key;
        }

        static ListKind of(String key) {
            for (ListKind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown list " + key);
        }
    }

    /** One person or service to call. {@code kind} is {@code personal} or {@code professional}. */
    record Contact(String name, String relation, String phone, String kind) {
    }

    PlanContent {
        warningSigns = List.copyOf(warningSigns);
        selfHelp = List.copyOf(selfHelp);
        othersCanDo = List.copyOf(othersCanDo);
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(ifCannotSpeak, "ifCannotSpeak");
    }

    static PlanContent empty() {
        return new PlanContent(List.of(), List.of(), List.of(), List.of(), "");
    }

    List<String> list(ListKind kind) {
        return switch (kind) {
            case WARNING_SIGN -> warningSigns;
            case SELF_HELP -> selfHelp;
            case OTHERS_CAN_DO -> othersCanDo;
        };
    }

    /**
     * Checks what a client sent and returns it trimmed. Absent lists and text count as empty (a PUT replaces the
     * whole plan, and a plan may have empty parts); everything else that is wrong is refused with its own code.
     *
     * @throws PluginException 400 with {@code too_many_items}, {@code item_invalid}, {@code too_many_contacts},
     *                         {@code contact_name_invalid}, {@code contact_relation_invalid}, {@code phone_invalid},
     *                         {@code contact_kind_invalid}, {@code text_too_long} or {@code text_invalid}
     */
    static PlanContent validated(List<String> warningSigns, List<String> selfHelp, List<String> othersCanDo,
                                 List<Contact> contacts, String ifCannotSpeak, String language) {
        List<String> signs = lines(ListKind.WARNING_SIGN, warningSigns, language);
        List<String> help = lines(ListKind.SELF_HELP, selfHelp, language);
        List<String> others = lines(ListKind.OTHERS_CAN_DO, othersCanDo, language);
        List<Contact> people = contacts(contacts, language);
        String text = ifCannotSpeak == null ? "" : ifCannotSpeak.strip();
        if (length(text) > MAX_TEXT_LENGTH) {
            throw invalid(language, "text_too_long", "max", MAX_TEXT_LENGTH);
        }
        if (CONTROL.matcher(text).find()) {
            throw invalid(language, "text_invalid");
        }
        return new PlanContent(signs, help, others, people, text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static List<String> lines(ListKind kind, List<String> given, String language) {
        if (given == null) {
            return List.of();
        }
        String listName = Words.get(language, "list." + kind.key);
        if (given.size() > MAX_ITEMS) {
            throw invalid(language, "too_many_items", "list", listName, "max", MAX_ITEMS);
        }
        List<String> out = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            String line = given.get(i) == null ? "" : given.get(i).strip();
            if (!oneLine(line, 1, MAX_ITEM_LENGTH)) {
                throw invalid(language, "item_invalid", "n", i + 1, "list", listName, "max", MAX_ITEM_LENGTH);
            }
            out.add(line);
        }
        return out;
    }

    private static List<Contact> contacts(List<Contact> given, String language) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_CONTACTS) {
            throw invalid(language, "too_many_contacts", "max", MAX_CONTACTS);
        }
        List<Contact> out = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            Contact c = given.get(i);
            int n = i + 1;
            if (c == null) {
                throw invalid(language, "contact_name_invalid", "n", n, "max", MAX_NAME_LENGTH);
            }
            String name = c.name() == null ? "" : c.name().strip();
            if (!oneLine(name, 1, MAX_NAME_LENGTH)) {
                throw invalid(language, "contact_name_invalid", "n", n, "max", MAX_NAME_LENGTH);
            }
            String relation = c.relation() == null ? "" : c.relation().strip();
            if (!oneLine(relation, 0, MAX_RELATION_LENGTH)) {
                throw invalid(language, "contact_relation_invalid", "n", n, "max", MAX_RELATION_LENGTH);
            }
            String phone = c.phone() == null ? "" : c.phone().strip();
            if (!isPhone(phone)) {
                throw invalid(language, "phone_invalid", "n", n);
            }
            if (!"personal".equals(c.kind()) && !"professional".equals(c.kind())) {
                throw invalid(language, "contact_kind_invalid", "n", n);
            }
            out.add(new Contact(name, relation, phone, c.kind()));
        }
        return out;
    }

    /** A phone number as people write one: 3 to 15 digits (E.164's longest), + only at the start, at most 32 characters. */
    static boolean isPhone(String phone) {
        if (phone.length() > 32 || !PHONE_SHAPE.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(ch -> ch >= '0' && ch <= '9').count();
        return digits >= 3 && digits <= 15;
    }

    private static boolean oneLine(String text, int min, int max) {
        int n = length(text);
        return n >= min && n <= max && !CONTROL.matcher(text).find() && !LINE_BREAK.matcher(text).find();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static PluginException invalid(String language, String code, Object... pairs) {
        return PluginException.invalid(code, Words.get(language, "err." + code, pairs));
    }
}

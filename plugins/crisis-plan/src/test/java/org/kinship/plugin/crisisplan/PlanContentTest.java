package org.kinship.plugin.crisisplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.crisisplan.PlanContent.Contact;

class PlanContentTest {
    private static final Contact MUM = new Contact("Mum", "mother", "+47 912 34 567", "personal");

    private static PlanContent valid(List<String> signs, List<Contact> contacts, String text) {
        return PlanContent.validated(signs, List.of("Walk by the sea"), List.of("Sit with me"), contacts, text, "en");
    }

    private static PluginException refused(List<String> signs, List<Contact> contacts, String text) {
        return assertThrows(PluginException.class, () -> valid(signs, contacts, text));
    }

    @Test
    void aPlanIsTrimmedAndKeptInOrder() {
        PlanContent p = valid(List.of("  Sleeping badly ", "Skipping meals"), List.of(MUM,
                new Contact(" Dr Berg ", "", "22 33 44 55", "professional")), "  Speak slowly.\r\nNo hospital B.  ");
        assertEquals(List.of("Sleeping badly", "Skipping meals"), p.warningSigns());
        assertEquals("Dr Berg", p.contacts().get(1).name());
        assertEquals("Speak slowly.\nNo hospital B.", p.ifCannotSpeak(), "trimmed, one kind of new line");
    }

    @Test
    void absentPartsAreEmpty() {
        PlanContent p = PlanContent.validated(null, null, null, null, null, "en");
        assertEquals(PlanContent.empty(), p);
    }

    @Test
    void linesMustBeOneLineOfOneTo300Characters() {
        assertEquals("item_invalid", refused(List.of("ok", "   "), List.of(), "").code());
        assertEquals("item_invalid", refused(List.of("two\nlines"), List.of(), "").code());
        assertEquals("item_invalid", refused(List.of("bell\u0007"), List.of(), "").code());
        assertEquals("item_invalid", refused(Arrays.asList("ok", null), List.of(), "").code());
        String emoji = "\uD83D\uDE00".repeat(300); // 300 characters a person counts, 600 UTF-16 units
        assertEquals(300, valid(List.of(emoji), List.of(), "").warningSigns().get(0).codePointCount(0, 600));
        PluginException tooLong = refused(List.of("x".repeat(301)), List.of(), "");
        assertEquals("item_invalid", tooLong.code());
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.getMessage().contains("Line 1 of Warning signs"), tooLong.getMessage());
    }

    @Test
    void anErrorNamesThePlaceButNeverRepeatsTheText() {
        PluginException e = refused(List.of("fine", "I stop answering\nmy sister"), List.of(), "");
        assertFalse(e.getMessage().contains("sister"), e.getMessage());
        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
    }

    @Test
    void listsAndContactsHaveLimits() {
        assertEquals("too_many_items", refused(Collections.nCopies(31, "x"), List.of(), "").code());
        assertEquals(30, valid(Collections.nCopies(30, "x"), List.of(), "").warningSigns().size());
        assertEquals("too_many_contacts", refused(List.of(), Collections.nCopies(21, MUM), "").code());
        assertEquals("text_too_long", refused(List.of(), List.of(), "y".repeat(4001)).code());
        assertEquals(4000, valid(List.of(), List.of(), "y".repeat(4000)).ifCannotSpeak().length());
        assertEquals("text_invalid", refused(List.of(), List.of(), "a\u0000b").code());
    }

    @Test
    void contactsNeedANameAPhoneNumberAndAKind() {
        assertEquals("contact_name_invalid", refused(List.of(), List.of(new Contact(" ", "", "112", "personal")), "").code());
        assertEquals("contact_name_invalid", refused(List.of(), Arrays.asList(MUM, null), "").code());
        assertEquals("contact_relation_invalid",
                refused(List.of(), List.of(new Contact("A", "r".repeat(101), "112", "personal")), "").code());
        assertEquals("contact_kind_invalid", refused(List.of(), List.of(new Contact("A", "", "112", "friend")), "").code());
        assertEquals("contact_kind_invalid", refused(List.of(), List.of(new Contact("A", "", "112", null)), "").code());
        PluginException phone = refused(List.of(), List.of(MUM, new Contact("A", "", "call me", "personal")), "");
        assertEquals("phone_invalid", phone.code());
        assertTrue(phone.getMessage().contains("person 2"), phone.getMessage());
    }

    @Test
    void phoneNumbersAsPeopleWriteThem() {
        for (String ok : List.of("112", "+47 22 33 44 55", "(0)22-33.44", "116 123", "+1 (555) 010-9999")) {
            assertTrue(PlanContent.isPhone(ok), ok);
        }
        for (String bad : List.of("", "12", "+", "22+33", "tel:112", "1234567890123456", "javascript:alert(1)", "12 34 ext 5",
                "1".repeat(10) + " ".repeat(30))) {
            assertFalse(PlanContent.isPhone(bad), bad);
        }
    }

    @Test
    void messagesComeInNorwegianToo() {
        PluginException e = assertThrows(PluginException.class, () -> PlanContent.validated(
                new ArrayList<>(List.of("")), null, null, null, null, "nb"));
        assertEquals("item_invalid", e.code());
        assertTrue(e.getMessage().startsWith("Linje 1 i Varseltegn"), e.getMessage());
    }
}

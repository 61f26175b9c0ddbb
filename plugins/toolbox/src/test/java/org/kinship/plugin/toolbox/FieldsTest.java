package org.kinship.plugin.toolbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinship.plugin.api.PluginException;

class FieldsTest {
    private final Refusals en = new Refusals("en");

    @ParameterizedTest
    @CsvSource({"2026-W48,2026-11-23", "2026-W01,2025-12-29", "2020-W53,2020-12-28", "2027-W01,2027-01-04"})
    void isoWeeksStartOnTheirMonday(String week, String monday) {
        assertEquals(LocalDate.parse(monday), Week.parse(week, en).from());
        assertEquals(week, Week.parse(week, en).label());
    }

    @Test
    void datesAndTimesAreStrict() {
        for (String bad : new String[] {"2026-2-3", "2026-02-29", "1899-12-31", "20261123", " 2026-11-23"}) {
            PluginException e = assertThrows(PluginException.class, () -> Fields.date(bad, en), bad);
            assertEquals("date_invalid", e.code());
        }
        for (String bad : new String[] {"24:00", "7:30", "07:60", "07.30", "0730"}) {
            assertEquals("time_invalid", assertThrows(PluginException.class, () -> Fields.time(bad, en), bad).code());
        }
        assertEquals("07:05", ActivityKind.hhmm(Fields.time("07:05", en)));
    }

    @Test
    void everyCodeHasWordsInBothLanguagesAndAClientErrorStatus() {
        for (String code : new String[] {"date_invalid", "not_owner", "item_not_found", "version_conflict", "share_target_not_member"}) {
            PluginException e = new Refusals("nb").of(code);
            assertEquals(code, e.code());
            assertEquals(true, e.status() >= 400 && e.status() < 500);
        }
        assertEquals(403, en.of("not_owner").status());
        assertEquals(404, en.of("item_not_found").status());
    }
}

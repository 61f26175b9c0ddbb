package org.kinship.plugin.toolbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kinship.plugin.api.PluginPage;

/**
 * The web pages as shipped in the jar: every page module the plugin declares is there, both languages
 * have the same words, every word a page asks for exists, every error code the server can answer has
 * words of its own, and no page reaches into the platform's code or writes markup from strings.
 */
class WebPagesTest {
    private static final String WEB = "/kinship-plugin/toolbox/web/";
    private static final Pattern ONE_LINE_KEYS = Pattern.compile("(?:'([^']+)'|\\b([A-Za-z][A-Za-z0-9_.]*)): '");
    private static final Pattern USED = Pattern.compile("(?:\\bt\\(|\\b(?:label|hint|newKey|changeKey|titleKey): )'([^']+)'");

    private static String read(String file) throws IOException {
        try (InputStream in = WebPagesTest.class.getResourceAsStream(WEB + file)) {
            assertNotNull(in, "missing in the jar: " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new TreeSet<>();
        Matcher m = ONE_LINE_KEYS.matcher(block);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }

    private static String block(String common, String language, String next) {
        int from = common.indexOf("\n  " + language + ": {");
        int to = next == null ? common.indexOf("\n};", from) : common.indexOf("\n  " + next + ": {", from);
        assertTrue(from > 0 && to > from, language);
        return common.substring(from, to);
    }

    @Test
    void bothLanguagesHaveTheSameWordsAndEveryWordAPageUsesExists() throws IOException {
        String common = read("common.js");
        Set<String> en = keys(block(common, "en", "nb"));
        Set<String> nb = keys(block(common, "nb", null));
        assertTrue(en.size() > 100, "found " + en.size());
        assertEquals(en, nb, "English and Norwegian differ");

        List<String> missing = new ArrayList<>();
        List<String> modules = new ArrayList<>(new ToolboxPlugin().pages().stream().map(PluginPage::module).toList());
        modules.add("common.js");
        for (String file : modules) {
            String module = read(file);
            Matcher m = USED.matcher(module);
            while (m.find()) {
                String key = m.group(1);
                // 'unit.' + code: a prefix of a family of words.
                boolean found = key.endsWith(".") ? en.stream().anyMatch(k -> k.startsWith(key)) : en.contains(key);
                if (!found) {
                    missing.add(file + ": " + key);
                }
            }
            assertFalse(module.contains("innerHTML") || module.contains("insertAdjacentHTML"), file);
            assertFalse(module.contains("from '/app/") || module.contains("from '../"), file + " imports the platform's code");
            assertTrue(file.equals("common.js") || module.contains("export default async function page(kit)"), file);
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRefusalTheToolboxCanAnswerHasItsOwnWordsInBothLanguages() throws IOException {
        String common = read("common.js");
        Set<String> en = keys(block(common, "en", "nb"));
        for (String code : List.of("malformed_request", "validation_failed", "title_invalid", "name_invalid", "text_too_long",
                "date_invalid", "time_invalid", "dose_invalid", "steps_invalid", "progress_invalid", "closeness_invalid",
                "kind_invalid", "minutes_invalid", "url_invalid", "version_conflict", "share_target_not_member",
                "share_with_self", "not_owner", "item_not_found")) {
            assertTrue(Refusals.knows(code), "server: " + code);
            assertTrue(en.contains("err." + code), "page words: " + code);
        }
    }

    @Test
    void theStylesheetIsShipped() throws IOException {
        assertTrue(read("toolbox.css").contains(".tb-week"));
    }
}

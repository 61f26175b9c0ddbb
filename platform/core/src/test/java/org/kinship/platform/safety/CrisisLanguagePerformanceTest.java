package org.kinship.platform.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long post against a whole default list must be quick: matching runs on every post, inside the
 * request. The limit is generous (200 ms of CPU for 20,000 characters, where a few milliseconds is normal)
 * and taken as the median of several runs after warm-up, so that a busy build machine does not make
 * the test flaky; what it catches is an accidental return to one regex per phrase or to quadratic work.
 */
class CrisisLanguagePerformanceTest {
    private static final int LENGTH = 20_000;
    private static final long LIMIT_MILLIS = 200;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final String ORDINARY = """
            Had a rough week but the group on Tuesday really helped. I could kill for a coffee though!
            My therapist says I should write down three good things each day. Today: sun, soup, my cat.
            Jeg er så sliten etter jobben, men turen i skogen hjalp. Takk for at dere er her ❤️
            Does anyone else find that mornings are the hardest? I'm dying to sleep in on Saturday.
            Orker ikke middag i dag, men jeg har spist en brødskive. Det er bra nok. 😊
            "This song is to die for" — she's right, it's beautiful. Self-care, one step at a time…
            """;
    private static final String CRISIS = """
            I can’t go on like this. Sometimes I want to diiiie and nobody would miss me.
            Jeg har hatt selvmordstanker igjen og orker ikke mer.
            """;

    private static String post(String... parts) {
        StringBuilder text = new StringBuilder(LENGTH + 1000);
        for (int i = 0; text.length() < LENGTH; i++) {
            text.append(parts[i % parts.length]);
        }
        return text.substring(0, LENGTH);
    }

    private static long medianMillis(Supplier<Object> work) {
        for (int i = 0; i < 30; i++) { // warm-up: let the JIT compile the matcher
            work.get();
        }
        long[] runs = new long[9];
        for (int i = 0; i < runs.length; i++) {
            // CPU time of this thread, not wall time: a busy machine (CI runs beside servers) must not fail it.
            long started = CPU.getCurrentThreadCpuTime();
            work.get();
            runs[i] = CPU.getCurrentThreadCpuTime() - started;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2] / 1_000_000;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void twentyThousandCharactersAgainstTheDefaultListIsQuick(String language) {
        CrisisLanguage list = CrisisLanguage.defaults(language);
        String text = post(ORDINARY, ORDINARY, ORDINARY, CRISIS);
        assertEquals(LENGTH, text.length());
        assertFalse(list.find(text).isEmpty(), "the text does hold crisis language");

        long findMillis = medianMillis(() -> list.find(text));
        assertTrue(findMillis < LIMIT_MILLIS, () -> "find took a median " + findMillis + " ms");
        long alarmMillis = medianMillis(() -> list.alarms(post(ORDINARY)));
        assertTrue(alarmMillis < LIMIT_MILLIS, () -> "alarms (no match, so a full pass) took " + alarmMillis + " ms");
    }

    /** Texts built to hurt a naive matcher: every word starts many phrases, or one word is 20,000 letters. */
    @ParameterizedTest
    @ValueSource(strings = {
            "want to want to want to ",
            "i wish i was i am a i ",
            "no one nobody no reason no point ",
            "ta livet ta mitt ta livet av ",
            "suicidsuicidsuicid",
            "iiiiiiiiiiiiiiiiiiiiiiiiiiii ",
            "ø",
            "😭",
            "e\u0301",
            "- . ' ’ * # ",
    })
    void adversarialTextStaysLinear(String unit) {
        String text = post(unit);
        for (String language : List.of("en", "nb")) {
            CrisisLanguage list = CrisisLanguage.defaults(language);
            long millis = medianMillis(() -> list.find(text));
            assertTrue(millis < LIMIT_MILLIS, () -> language + " took a median " + millis + " ms on " + unit);
        }
    }
}

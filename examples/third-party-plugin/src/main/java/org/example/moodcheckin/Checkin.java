package org.example.moodcheckin;

/**
 * One day's check-in as the client sees it. Dates and times travel as ISO text.
 *
 * @param day        the day in the community's time zone ({@code 2026-11-22})
 * @param mood       1 (very low) to 5 (very good)
 * @param note       the member's own line, or null
 * @param recordedAt when it was last saved
 */
public record Checkin(String day, int mood, String note, String recordedAt) {
}

package org.example.moodcheckin;

import java.util.List;

/**
 * The member's check-ins of the last 30 days, newest first.
 *
 * @param today the day it is now in the community ({@code 2026-11-22}): the day a new check-in is for
 * @param days  the check-ins, at most one a day
 */
public record CheckinList(String today, List<Checkin> days) {
}

package org.example.moodcheckin;

/**
 * What a member sends: {@code {"mood": 3, "note": "slept badly"}}. Boxed, so that a missing mood
 * is told apart from a wrong one.
 */
public record CheckinInput(Integer mood, String note) {
}

package org.kinship.web.api;

/**
 * The one shape of every error the API returns. {@code error} is a stable code (see ErrorCode);
 * {@code message} is for people; {@code logId} appears only on server errors, to find the log line.
 */
public record ApiError(String error, String message, String logId) {
}

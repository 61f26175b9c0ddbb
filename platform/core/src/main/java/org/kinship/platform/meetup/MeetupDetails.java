package org.kinship.platform.meetup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * What an organiser says about a meetup, apart from its dates. Built from untrusted input; the
 * constructor is the one place that checks it. A meetup has a place (an address, with an optional
 * map link) or an online link, or both.
 */
public record MeetupDetails(String title, String description, String address, String mapUrl, String onlineUrl,
                            String accessibility, Integer capacity, boolean approvalRequired) {
    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_URL = 500;
    public static final int MAX_ACCESSIBILITY = 1000;
    public static final int MAX_CAPACITY = 10_000;

    public MeetupDetails {
        if (title == null || title.isBlank()) {
            throw new KinshipException(ErrorCode.TITLE_INVALID, "A meetup needs a title.");
        }
        title = title.strip();
        if (title.length() > MAX_TITLE || title.codePoints().anyMatch(Character::isISOControl)) {
            throw new KinshipException(ErrorCode.TITLE_INVALID, "A title is one line of at most " + MAX_TITLE + " characters.");
        }
        description = Text.optional("description", description, MAX_DESCRIPTION);
        address = Text.optional("address", address, MAX_ADDRESS);
        accessibility = Text.optional("accessibility notes", accessibility, MAX_ACCESSIBILITY);
        mapUrl = link("map link", mapUrl);
        onlineUrl = link("online link", onlineUrl);
        if (address == null && onlineUrl == null) {
            throw new KinshipException(ErrorCode.PLACE_REQUIRED, "Say where the meetup is: an address or an online link.");
        }
        if (mapUrl != null && address == null) {
            throw new KinshipException(ErrorCode.PLACE_REQUIRED, "A map link goes with an address.");
        }
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Capacity must be between 1 and " + MAX_CAPACITY
                    + ", or left out for no limit.");
        }
    }

    /** Only http(s) links: a meetup page must never carry a javascript: or data: link. */
    static String link(String what, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String url = typed.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= MAX_URL && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new KinshipException(ErrorCode.VALIDATION_FAILED, "The " + what + " must be an http(s) address of at most "
                + MAX_URL + " characters.");
    }
}

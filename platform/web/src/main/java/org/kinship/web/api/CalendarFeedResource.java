package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.kinship.platform.meetup.MeetupService;

/**
 * A member's private calendar feed: the meetups they are going to, at a secret address, because
 * calendar programs cannot sign in. The address is the key; the member regenerates it
 * (POST /api/communities/{slug}/meetups/feed) and the old one stops working.
 */
@Path("/calendar")
@RequestScoped
public class CalendarFeedResource {
    @Inject
    MeetupService meetups;

    @GET
    @Path("{token}.ics")
    @Produces({MeetupResource.CALENDAR, "application/json"})
    public Response feed(@PathParam("token") String token) {
        MeetupService.Feed feed = meetups.privateFeed(token);
        return MeetupResource.ics(feed, feed.community().name() + " \u2014 mine");
    }
}

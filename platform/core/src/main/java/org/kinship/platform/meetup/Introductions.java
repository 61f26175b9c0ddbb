package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.kinship.platform.chat.ChatRepository;
import org.kinship.platform.chat.ChatService;
import org.kinship.platform.chat.Room;
import org.kinship.platform.community.CommunityRepository;

/** Puts two people who agreed to go together in touch in chat: their direct conversation, opened once. */
@ApplicationScoped
public class Introductions {
    @Inject
    ChatService chat;

    @Inject
    ChatRepository rooms;

    @Inject
    CommunityRepository communities;

    @Transactional
    public void openConversation(MeetupEvent.CompanyMatched matched) {
        if (rooms.directRoom(Room.directKey(matched.asker(), matched.companion())).isPresent()) {
            return;
        }
        communities.find(matched.community()).ifPresent(c -> chat.createDirect(c, matched.asker(), matched.companion()));
    }
}

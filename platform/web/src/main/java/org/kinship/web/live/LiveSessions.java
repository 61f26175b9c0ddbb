package org.kinship.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * The live connections of this node, indexed the ways fan-out looks them up: by room, by member, and
 * the moderators of each community. Presence (who is here, by pseudonym) is derived from the room index.
 */
@ApplicationScoped
public class LiveSessions {
    private final Map<String, LiveSession> byId = new ConcurrentHashMap<>();
    private final Map<RoomId, Set<LiveSession>> byRoom = new ConcurrentHashMap<>();
    private final Map<MemberId, Set<LiveSession>> byMember = new ConcurrentHashMap<>();
    private final Map<CommunityId, Set<LiveSession>> moderators = new ConcurrentHashMap<>();

    void opened(LiveSession session) {
        byId.put(session.ws.getId(), session);
        session.memberships.values().forEach(p -> {
            byMember.computeIfAbsent(p.member(), m -> ConcurrentHashMap.newKeySet()).add(session);
            if (p.role().canModerate()) {
                moderators.computeIfAbsent(p.community(), c -> ConcurrentHashMap.newKeySet()).add(session);
            }
        });
    }

    LiveSession of(Session ws) {
        return byId.get(ws.getId());
    }

    /** Forgets a closed connection; returns the rooms it was in, for presence. */
    List<LiveSession.Subscription> closed(Session ws) {
        LiveSession session = byId.remove(ws.getId());
        if (session == null) {
            return List.of();
        }
        List<LiveSession.Subscription> left = new ArrayList<>(session.rooms.values());
        left.forEach(sub -> unsubscribe(session, sub.room));
        session.memberships.values().forEach(p -> {
            remove(byMember, p.member(), session);
            remove(moderators, p.community(), session);
        });
        return left;
    }

    void subscribe(LiveSession session, LiveSession.Subscription sub) {
        session.rooms.put(sub.room, sub);
        byRoom.computeIfAbsent(sub.room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    LiveSession.Subscription unsubscribe(LiveSession session, RoomId room) {
        LiveSession.Subscription sub = session.rooms.remove(room);
        remove(byRoom, room, session);
        return sub;
    }

    Collection<LiveSession> inRoom(RoomId room) {
        return byRoom.getOrDefault(room, Set.of());
    }

    Collection<LiveSession> ofMember(MemberId member) {
        return byMember.getOrDefault(member, Set.of());
    }

    Collection<LiveSession> moderatorsOf(CommunityId community) {
        return moderators.getOrDefault(community, Set.of());
    }

    /** Pseudonyms of the members with a connection in the room, sorted. */
    List<String> present(RoomId room) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        inRoom(room).forEach(s -> {
            LiveSession.Subscription sub = s.rooms.get(room);
            if (sub != null) {
                names.add(sub.pseudonym);
            }
        });
        return new ArrayList<>(names);
    }

    /** Whether the member has a connection in the room other than {@code except}. */
    boolean memberPresent(RoomId room, MemberId member, LiveSession except) {
        return inRoom(room).stream().anyMatch(s -> s != except && s.rooms.containsKey(room) && s.rooms.get(room).member.equals(member));
    }

    int count() {
        return byId.size();
    }

    private static <K> void remove(Map<K, Set<LiveSession>> index, K key, LiveSession session) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }
}

package org.example.moodcheckin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The plugin's one table, mood_checkin_entry (see db/V1__mood_checkin.sql): one row per member and day. */
final class CheckinStore {
    private CheckinStore() {
    }

    /** Records the day's check-in, replacing an earlier one that day. Returns whether it is the day's first. */
    static boolean save(Connection c, String communityId, String memberId, Checkin checkin) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update mood_checkin_entry set mood = ?, note = ?, recorded_at = ? where community_id = ? and member_id = ? and day = ?")) {
            update.setInt(1, checkin.mood());
            update.setString(2, checkin.note());
            update.setObject(3, OffsetDateTime.parse(checkin.recordedAt()));
            update.setString(4, communityId);
            update.setString(5, memberId);
            update.setObject(6, LocalDate.parse(checkin.day()));
            if (update.executeUpdate() == 1) {
                return false;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into mood_checkin_entry (community_id, member_id, day, mood, note, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, communityId);
            insert.setString(2, memberId);
            insert.setObject(3, LocalDate.parse(checkin.day()));
            insert.setInt(4, checkin.mood());
            insert.setString(5, checkin.note());
            insert.setObject(6, OffsetDateTime.parse(checkin.recordedAt()));
            insert.executeUpdate();
            return true;
        }
    }

    /** The member's check-ins from {@code since} on, newest first. */
    static List<Checkin> since(Connection c, String communityId, String memberId, LocalDate since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select day, mood, note, recorded_at from mood_checkin_entry"
                        + " where community_id = ? and member_id = ? and day >= ? order by day desc")) {
            select.setString(1, communityId);
            select.setString(2, memberId);
            select.setObject(3, since);
            List<Checkin> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkin(rs.getObject(1, LocalDate.class).toString(), rs.getInt(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant().toString()));
                }
            }
            return out;
        }
    }

    static boolean delete(Connection c, String communityId, String memberId, LocalDate day) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "delete from mood_checkin_entry where community_id = ? and member_id = ? and day = ?")) {
            delete.setString(1, communityId);
            delete.setString(2, memberId);
            delete.setObject(3, day);
            return delete.executeUpdate() == 1;
        }
    }

    static int deleteMember(Connection c, String communityId, String memberId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from mood_checkin_entry where community_id = ? and member_id = ?")) {
            delete.setString(1, communityId);
            delete.setString(2, memberId);
            return delete.executeUpdate();
        }
    }

    static int deleteCommunity(Connection c, String communityId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from mood_checkin_entry where community_id = ?")) {
            delete.setString(1, communityId);
            return delete.executeUpdate();
        }
    }
}

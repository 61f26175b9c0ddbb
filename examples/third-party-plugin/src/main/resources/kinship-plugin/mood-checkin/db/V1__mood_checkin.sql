-- One check-in per member and day. Keyed by the ids the plugin API gives; the platform's tables are never touched.
-- Runs as is on PostgreSQL and H2.
create table mood_checkin_entry (
    community_id varchar(36) not null,
    member_id    varchar(36) not null,
    day          date not null,
    mood         smallint not null,
    note         varchar(2000),
    recorded_at  timestamp with time zone not null,
    constraint mood_checkin_entry_pk primary key (community_id, member_id, day),
    constraint mood_checkin_entry_mood check (mood between 1 and 5)
);

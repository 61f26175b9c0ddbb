-- Live chat: rooms (public to members, restricted to invited members, or a direct conversation
-- between two members), each member's state in a room (read marker, room mute, removal), messages
-- numbered per room, and supportive reactions. Chat reports and crisis alerts join the forum's
-- moderation queue; a member's direct-message preference lives on their membership.

create table chat_room (
    id                 uuid primary key,
    community_id       uuid not null,
    name               varchar(80),
    kind               varchar(16) not null,
    -- The two members of a direct conversation, ordered: one conversation per pair, decided by this constraint.
    direct_key         varchar(80),
    slow_mode_seconds  integer not null,
    -- The last sequence number handed out; incremented under a lock on this row.
    last_seq           bigint not null,
    created_at         timestamp with time zone not null,
    constraint fk_room_community foreign key (community_id) references community (id),
    constraint uq_room_name unique (community_id, name),
    constraint uq_room_direct unique (direct_key),
    constraint ck_room_kind check (kind in ('PUBLIC', 'RESTRICTED', 'DIRECT')),
    constraint ck_room_shape check ((kind = 'DIRECT' and direct_key is not null and name is null)
        or (kind <> 'DIRECT' and name is not null and direct_key is null))
);
create index ix_room_community on chat_room (community_id, kind);

create table chat_room_member (
    id             uuid primary key,
    room_id        uuid not null,
    member_id      uuid not null,
    status         varchar(16) not null,
    last_read_seq  bigint not null,
    muted_until    timestamp with time zone,
    added_at       timestamp with time zone not null,
    version        bigint not null,
    constraint uq_room_member unique (room_id, member_id),
    constraint fk_room_member_room foreign key (room_id) references chat_room (id),
    constraint fk_room_member_member foreign key (member_id) references membership (id),
    constraint ck_room_member_status check (status in ('ACTIVE', 'REMOVED'))
);
create index ix_room_member_member on chat_room_member (member_id, status);

create table chat_message (
    id                    uuid primary key,
    room_id               uuid not null,
    community_id          uuid not null,
    seq                   bigint not null,
    author_id             uuid not null,
    client_id             varchar(64) not null,
    body_source           varchar(8000),
    body_html             text,
    body_text             text,
    crisis_flag           boolean not null,
    created_at            timestamp with time zone not null,
    edited_at             timestamp with time zone,
    deleted_at            timestamp with time zone,
    deleted_by_moderator  boolean not null,
    version               bigint not null,
    constraint fk_chat_room foreign key (room_id) references chat_room (id),
    constraint fk_chat_author foreign key (author_id) references membership (id),
    -- Sequence numbers are handed out under the room lock; this makes a mistake loud rather than silent.
    constraint uq_chat_seq unique (room_id, seq),
    -- A resend after a lost acknowledgement finds the stored message instead of storing it twice.
    constraint uq_chat_client unique (room_id, author_id, client_id)
);

create table chat_reaction (
    id          uuid primary key,
    message_id  uuid not null,
    member_id   uuid not null,
    kind        varchar(16) not null,
    created_at  timestamp with time zone not null,
    constraint uq_chat_reaction unique (message_id, member_id, kind),
    constraint fk_chat_reaction_message foreign key (message_id) references chat_message (id),
    constraint fk_chat_reaction_member foreign key (member_id) references membership (id)
);

alter table membership add column dm_preference varchar(16) default 'ANYONE' not null;
alter table membership add constraint ck_membership_dm check (dm_preference in ('ANYONE', 'STAFF_ONLY', 'NOBODY'));

-- A queue item or an audit line may be about a chat message instead of a forum post.
alter table moderation_item add column room_id uuid;
alter table moderation_item add column chat_message_id uuid;
alter table moderation_item add constraint fk_item_chat_message foreign key (chat_message_id) references chat_message (id);
alter table moderation_action add column room_id uuid;
alter table moderation_action add column chat_message_id uuid;

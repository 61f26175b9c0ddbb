-- Forums: categories, threads (community-wide or closed circles), posts with edit history and
-- tombstones, supportive reactions, circle invitations and unread markers.

create table forum_category (
    id             uuid primary key,
    community_id   uuid not null,
    name           varchar(80) not null,
    description    varchar(500),
    sort_order     integer not null,
    who_may_start  varchar(16) not null,
    created_at     timestamp with time zone not null,
    version        bigint not null,
    constraint fk_category_community foreign key (community_id) references community (id),
    constraint uq_category_name unique (community_id, name),
    constraint ck_category_who check (who_may_start in ('MEMBERS', 'MODERATORS'))
);

create table forum_thread (
    id                uuid primary key,
    community_id      uuid not null,
    category_id       uuid,
    visibility        varchar(16) not null,
    title             varchar(150),
    author_id         uuid not null,
    locked            boolean not null,
    pinned            boolean not null,
    hidden            boolean not null,
    needs_welcome     boolean not null,
    created_at        timestamp with time zone not null,
    last_activity_at  timestamp with time zone not null,
    reply_count       integer not null,
    post_count        integer not null,
    version           bigint not null,
    constraint fk_thread_community foreign key (community_id) references community (id),
    constraint fk_thread_category foreign key (category_id) references forum_category (id),
    constraint fk_thread_author foreign key (author_id) references membership (id),
    constraint ck_thread_visibility check (visibility in ('COMMUNITY', 'CIRCLE')),
    -- A community thread lives in a category; a circle is outside every listing.
    constraint ck_thread_category check ((visibility = 'COMMUNITY' and category_id is not null) or visibility = 'CIRCLE')
);
create index ix_thread_category_activity on forum_thread (category_id, pinned, last_activity_at);
create index ix_thread_community_activity on forum_thread (community_id, last_activity_at);

create table forum_post (
    id               uuid primary key,
    thread_id        uuid not null,
    community_id     uuid not null,
    author_id        uuid not null,
    seq              integer not null,
    in_reply_to      uuid,
    body_source      varchar(20000),
    body_html        text,
    body_text        text,
    content_warning  varchar(200),
    created_at       timestamp with time zone not null,
    edited_at        timestamp with time zone,
    deleted_at       timestamp with time zone,
    hidden           boolean not null,
    crisis_flag      boolean not null,
    version          bigint not null,
    constraint fk_post_thread foreign key (thread_id) references forum_thread (id),
    constraint fk_post_author foreign key (author_id) references membership (id),
    constraint fk_post_reply_to foreign key (in_reply_to) references forum_post (id),
    -- Positions are handed out under a lock on the thread; this makes a mistake loud rather than silent.
    constraint uq_post_seq unique (thread_id, seq)
);
create index ix_post_author on forum_post (author_id);

create table forum_post_revision (
    id               uuid primary key,
    post_id          uuid not null,
    title            varchar(150),
    body_source      varchar(20000) not null,
    content_warning  varchar(200),
    replaced_at      timestamp with time zone not null,
    constraint fk_revision_post foreign key (post_id) references forum_post (id)
);
create index ix_revision_post on forum_post_revision (post_id);

create table forum_reaction (
    id          uuid primary key,
    post_id     uuid not null,
    member_id   uuid not null,
    kind        varchar(16) not null,
    created_at  timestamp with time zone not null,
    constraint uq_reaction unique (post_id, member_id, kind),
    constraint fk_reaction_post foreign key (post_id) references forum_post (id),
    constraint fk_reaction_member foreign key (member_id) references membership (id)
);

create table circle_member (
    id            uuid primary key,
    thread_id     uuid not null,
    member_id     uuid not null,
    status        varchar(16) not null,
    invited_at    timestamp with time zone not null,
    responded_at  timestamp with time zone,
    constraint uq_circle_member unique (thread_id, member_id),
    constraint fk_circle_thread foreign key (thread_id) references forum_thread (id),
    constraint fk_circle_member foreign key (member_id) references membership (id),
    constraint ck_circle_status check (status in ('INVITED', 'ACCEPTED', 'DECLINED', 'REMOVED'))
);
create index ix_circle_member on circle_member (member_id, status);

create table read_marker (
    id             uuid primary key,
    thread_id      uuid not null,
    member_id      uuid not null,
    last_seq       integer not null,
    updated_at     timestamp with time zone not null,
    constraint uq_read_marker unique (thread_id, member_id),
    constraint fk_read_thread foreign key (thread_id) references forum_thread (id),
    constraint fk_read_member foreign key (member_id) references membership (id)
);

-- A muted member may read but not write until this moment.
alter table membership add column muted_until timestamp with time zone;

-- The moderators' queue (reports, crisis alerts, newcomers to welcome), the audit log of every
-- moderation action, bans, per-community crisis word lists, and in-app notifications.

alter table membership drop constraint ck_membership_status;
alter table membership add constraint ck_membership_status check (status in ('PENDING', 'ACTIVE', 'LEFT', 'BANNED'));

create table moderation_item (
    id                 uuid primary key,
    community_id       uuid not null,
    kind               varchar(16) not null,
    urgent             boolean not null,
    thread_id          uuid,
    post_id            uuid,
    subject_member_id  uuid not null,
    reporter_id        uuid,
    reason             varchar(500),
    excerpt            varchar(600),
    status             varchar(16) not null,
    created_at         timestamp with time zone not null,
    resolved_at        timestamp with time zone,
    resolved_by        uuid,
    resolution         varchar(500),
    version            bigint not null,
    constraint fk_item_community foreign key (community_id) references community (id),
    constraint fk_item_subject foreign key (subject_member_id) references membership (id),
    constraint fk_item_reporter foreign key (reporter_id) references membership (id),
    constraint ck_item_kind check (kind in ('REPORT', 'CRISIS', 'WELCOME')),
    constraint ck_item_status check (status in ('OPEN', 'RESOLVED', 'DISMISSED'))
);
create index ix_item_queue on moderation_item (community_id, status, urgent, created_at);

create table moderation_action (
    id              uuid primary key,
    community_id    uuid not null,
    moderator_id    uuid not null,
    action          varchar(32) not null,
    reason          varchar(500) not null,
    thread_id       uuid,
    post_id         uuid,
    member_id       uuid,
    item_id         uuid,
    until_at        timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint fk_action_community foreign key (community_id) references community (id),
    constraint fk_action_moderator foreign key (moderator_id) references membership (id)
);
create index ix_action_community on moderation_action (community_id, created_at);

create table crisis_phrase (
    id            uuid primary key,
    community_id  uuid not null,
    phrase        varchar(80) not null,
    constraint fk_phrase_community foreign key (community_id) references community (id),
    constraint uq_crisis_phrase unique (community_id, phrase)
);

create table notification (
    id               uuid primary key,
    recipient_id     uuid not null,
    community_id     uuid not null,
    kind             varchar(24) not null,
    thread_id        uuid,
    post_id          uuid,
    actor_id         uuid,
    detail           varchar(500),
    created_at       timestamp with time zone not null,
    read_at          timestamp with time zone,
    constraint fk_notification_recipient foreign key (recipient_id) references membership (id),
    constraint fk_notification_community foreign key (community_id) references community (id)
);
create index ix_notification_recipient on notification (recipient_id, read_at, created_at);

-- Whether a community's admins replaced the default crisis word list for its language.
alter table community add column custom_crisis_phrases boolean default false not null;

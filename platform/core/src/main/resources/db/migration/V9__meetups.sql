-- Meetups: face-to-face cafés (or online ones) organised in a community. A meetup holds what stays the
-- same (title, place, capacity, the recurrence rule); each date it happens on is an occurrence row,
-- materialised a horizon ahead, and RSVPs, the waiting list, "going together" and reminders belong to
-- an occurrence. A one-off meetup has exactly one occurrence.

-- Whether ordinary members may organise meetups (moderators and admins always may).
alter table community add column members_create_meetups boolean default false not null;

create table meetup (
    id                   uuid primary key,
    community_id         uuid not null,
    organiser_id         uuid not null,
    title                varchar(120) not null,
    description          varchar(4000),
    address              varchar(300),
    map_url              varchar(500),
    online_url           varchar(500),
    accessibility        varchar(1000),
    capacity             integer,
    approval_required    boolean not null,
    -- The community's time zone when the meetup was made: occurrences keep their local wall-clock time in it.
    time_zone            varchar(64) not null,
    -- RFC 5545 RRULE value without the "RRULE:" prefix, or null for a one-off meetup.
    recurrence           varchar(300),
    first_starts_at      timestamp with time zone not null,
    duration_minutes     integer not null,
    -- Occurrences exist up to here; the scheduler moves it forward for open-ended series.
    materialised_until   timestamp with time zone not null,
    thread_id            uuid,
    status               varchar(16) not null,
    created_at           timestamp with time zone not null,
    version              bigint not null,
    constraint fk_meetup_community foreign key (community_id) references community (id),
    constraint fk_meetup_organiser foreign key (organiser_id) references membership (id),
    constraint fk_meetup_thread foreign key (thread_id) references forum_thread (id),
    constraint ck_meetup_status check (status in ('SCHEDULED', 'CANCELLED')),
    constraint ck_meetup_capacity check (capacity is null or capacity > 0),
    constraint ck_meetup_place check (address is not null or online_url is not null)
);
create index ix_meetup_community on meetup (community_id, status);

create table meetup_occurrence (
    id              uuid primary key,
    meetup_id       uuid not null,
    community_id    uuid not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone not null,
    -- The start the recurrence rule gave this occurrence; it stays when the time is moved, so the
    -- series never materialises the same date twice.
    rule_start      timestamp with time zone not null,
    status          varchar(16) not null,
    -- The last place handed out in the waiting list; incremented under a lock on this row.
    last_queue_seq  bigint not null,
    version         bigint not null,
    constraint fk_occurrence_meetup foreign key (meetup_id) references meetup (id),
    constraint fk_occurrence_community foreign key (community_id) references community (id),
    constraint uq_occurrence_rule_start unique (meetup_id, rule_start),
    constraint ck_occurrence_status check (status in ('SCHEDULED', 'CANCELLED')),
    constraint ck_occurrence_times check (ends_at > starts_at)
);
create index ix_occurrence_community on meetup_occurrence (community_id, starts_at);
create index ix_occurrence_starts on meetup_occurrence (status, starts_at);

create table meetup_rsvp (
    id                uuid primary key,
    occurrence_id     uuid not null,
    member_id         uuid not null,
    status            varchar(16) not null,
    -- Order in the waiting list (and among requests awaiting approval); null otherwise.
    queue_seq         bigint,
    show_pseudonym    boolean not null,
    answered_at       timestamp with time zone not null,
    reminded_day_at   timestamp with time zone,
    reminded_soon_at  timestamp with time zone,
    version           bigint not null,
    constraint uq_rsvp_member unique (occurrence_id, member_id),
    constraint fk_rsvp_occurrence foreign key (occurrence_id) references meetup_occurrence (id),
    constraint fk_rsvp_member foreign key (member_id) references membership (id),
    constraint ck_rsvp_status check (status in ('GOING', 'WAITING', 'REQUESTED', 'MAYBE', 'NOT_GOING'))
);
create index ix_rsvp_queue on meetup_rsvp (occurrence_id, status, queue_seq);
create index ix_rsvp_member on meetup_rsvp (member_id, status);

-- "Going together": a member asks for company on the way to one occurrence; others offer; the asker
-- accepts one offer and the two are put in touch.
create table meetup_company_request (
    id              uuid primary key,
    occurrence_id   uuid not null,
    member_id       uuid not null,
    note            varchar(300),
    status          varchar(16) not null,
    companion_id    uuid,
    created_at      timestamp with time zone not null,
    version         bigint not null,
    constraint uq_company_request unique (occurrence_id, member_id),
    constraint fk_company_occurrence foreign key (occurrence_id) references meetup_occurrence (id),
    constraint fk_company_member foreign key (member_id) references membership (id),
    constraint fk_company_companion foreign key (companion_id) references membership (id),
    constraint ck_company_status check (status in ('OPEN', 'MATCHED', 'WITHDRAWN'))
);

create table meetup_company_offer (
    id           uuid primary key,
    request_id   uuid not null,
    member_id    uuid not null,
    created_at   timestamp with time zone not null,
    constraint uq_company_offer unique (request_id, member_id),
    constraint fk_offer_request foreign key (request_id) references meetup_company_request (id),
    constraint fk_offer_member foreign key (member_id) references membership (id)
);

-- The secret behind a member's private calendar feed (only its hash is kept; regenerating replaces it).
create table meetup_feed_token (
    id           uuid primary key,
    member_id    uuid not null,
    token_hash   varchar(64) not null,
    created_at   timestamp with time zone not null,
    constraint uq_feed_member unique (member_id),
    constraint uq_feed_token unique (token_hash),
    constraint fk_feed_member foreign key (member_id) references membership (id)
);

-- Notifications may be about a meetup occurrence.
alter table notification add column meetup_id uuid;
alter table notification add column occurrence_id uuid;

-- Federation over ActivityPub: each community's policy, the keys of local actors, the remote actors we
-- know, follows in both directions, the inbox's memory of what it received, and the durable outbox.
-- Portable between PostgreSQL and H2 (PostgreSQL mode). IRIs are kept whole (up to 2048 characters);
-- where one must be unique it is looked up by its SHA-256 (hex) so that indexes stay small.

-- OFF (the default: nothing leaves and nothing is accepted), ALLOW_LIST (only the listed remote actors or
-- hosts) or OPEN (anyone not on the block-list).
create table federation_policy (
    community_id  uuid primary key,
    mode          varchar(16) not null,
    version       bigint not null,
    constraint fk_federation_policy_community foreign key (community_id) references community (id),
    constraint ck_federation_policy_mode check (mode in ('OFF', 'ALLOW_LIST', 'OPEN'))
);

-- Allow-list and block-list entries: a whole host (example.org) or one actor (its IRI).
create table federation_rule (
    community_id  uuid not null,
    kind          varchar(8) not null,
    target        varchar(2048) not null,
    target_hash   varchar(64) not null,
    created_at    timestamp with time zone not null,
    constraint pk_federation_rule primary key (community_id, kind, target_hash),
    constraint fk_federation_rule_community foreign key (community_id) references community (id),
    constraint ck_federation_rule_kind check (kind in ('ALLOW', 'BLOCK'))
);

-- Signing keys of local actors: the instance (owner = the nil UUID), a community's Group (owner = the
-- community id) or a member's Person (owner = the membership id). Made when first needed.
create table actor_key (
    owner_id     uuid primary key,
    public_pem   varchar(4000) not null,
    private_pem  varchar(8000) not null,
    created_at   timestamp with time zone not null
);

-- Remote actors as last fetched from their origin.
create table remote_actor (
    id                  uuid primary key,
    iri                 varchar(2048) not null,
    iri_hash            varchar(64) not null,
    host                varchar(255) not null,
    kind                varchar(16) not null,
    preferred_username  varchar(255),
    name                varchar(255),
    inbox               varchar(2048) not null,
    shared_inbox        varchar(2048),
    followers           varchar(2048),
    key_id              varchar(2048),
    public_key_pem      varchar(8000),
    fetched_at          timestamp with time zone not null,
    version             bigint not null,
    constraint uq_remote_actor_iri unique (iri_hash)
);
create index ix_remote_actor_host on remote_actor (host);

-- A remote actor who writes in a local community appears there as a membership with status REMOTE (no
-- sign-in, no vote, no messages; its pseudonym is name@host), so forum threads, posts, moderation and
-- RSVPs need no second kind of author. Its account row has the subject 'activitypub:' + the actor's id.
alter table membership drop constraint ck_membership_status;
alter table membership add constraint ck_membership_status check (status in ('PENDING', 'ACTIVE', 'LEFT', 'BANNED', 'REMOTE'));
alter table membership add column remote_actor_id uuid;
alter table membership add constraint fk_membership_remote_actor foreign key (remote_actor_id) references remote_actor (id);

-- Follows between a local community (Group) and a remote actor. INBOUND: the remote actor follows the
-- community (it receives the community's Announces); OUTBOUND: the community follows a remote Group.
create table federation_follow (
    id               uuid primary key,
    community_id     uuid not null,
    remote_actor_id  uuid not null,
    direction        varchar(8) not null,
    state            varchar(8) not null,
    activity_iri     varchar(2048),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null,
    constraint uq_federation_follow unique (community_id, remote_actor_id, direction),
    constraint fk_follow_community foreign key (community_id) references community (id),
    constraint fk_follow_remote foreign key (remote_actor_id) references remote_actor (id),
    constraint ck_follow_direction check (direction in ('INBOUND', 'OUTBOUND')),
    constraint ck_follow_state check (state in ('PENDING', 'ACCEPTED', 'REJECTED'))
);

-- Remote objects (threads, replies, meetups) shown in a local community, by their ActivityPub id; also how
-- the forum knows where a thread or post came from (local_id = the forum_thread or forum_post id).
create table federated_object (
    community_id  uuid not null,
    iri_hash      varchar(64) not null,
    iri           varchar(2048) not null,
    kind          varchar(8) not null,
    local_id      uuid not null,
    origin_actor  uuid,
    received_at   timestamp with time zone not null,
    constraint pk_federated_object primary key (community_id, iri_hash),
    constraint fk_federated_object_community foreign key (community_id) references community (id),
    constraint fk_federated_object_origin foreign key (origin_actor) references remote_actor (id),
    constraint ck_federated_object_kind check (kind in ('THREAD', 'POST', 'MEETUP'))
);
create index ix_federated_object_local on federated_object (local_id);

-- Every activity the inbox accepted, by id: a second delivery of the same id changes nothing.
create table inbox_receipt (
    activity_hash  varchar(64) primary key,
    activity_iri   varchar(2048) not null,
    actor_host     varchar(255) not null,
    received_at    timestamp with time zone not null
);
create index ix_inbox_receipt_received on inbox_receipt (received_at);

-- The durable outbox: an activity is stored here, in the transaction that caused it, before any delivery.
create table outbox_activity (
    id             uuid primary key,
    community_id   uuid,
    activity_iri   varchar(2048) not null,
    signer_id      uuid not null,
    signer_actor   varchar(2048) not null,
    body           text not null,
    created_at     timestamp with time zone not null
);

-- One row per (activity, inbox): shared inboxes make it one per host for most peers.
create table outbox_delivery (
    id                uuid primary key,
    activity_id       uuid not null,
    host              varchar(255) not null,
    inbox             varchar(2048) not null,
    state             varchar(12) not null,
    attempts          integer not null,
    created_at        timestamp with time zone not null,
    next_attempt_at   timestamp with time zone,
    last_attempt_at   timestamp with time zone,
    delivered_at      timestamp with time zone,
    last_error        varchar(300),
    version           bigint not null,
    constraint fk_delivery_activity foreign key (activity_id) references outbox_activity (id),
    constraint ck_delivery_state check (state in ('PENDING', 'DELIVERED', 'GAVE_UP', 'REFUSED'))
);
create index ix_delivery_host_state on outbox_delivery (host, state);
create index ix_delivery_state_next on outbox_delivery (state, next_attempt_at);

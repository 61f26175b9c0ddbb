-- Communities, the people in them (by opaque identity-provider subject only) and invitation links.
-- Portable between PostgreSQL (production, tests) and H2 in PostgreSQL mode (the embedded start).

create table account (
    id            uuid primary key,
    oidc_subject  varchar(255) not null,
    created_at    timestamp with time zone not null,
    constraint uq_account_subject unique (oidc_subject)
);

create table community (
    id                   uuid primary key,
    slug                 varchar(40) not null,
    name                 varchar(80) not null,
    description          varchar(2000),
    language             varchar(35) not null,
    time_zone            varchar(64) not null,
    registration_policy  varchar(16) not null,
    created_at           timestamp with time zone not null,
    version              bigint not null,
    constraint uq_community_slug unique (slug),
    constraint ck_community_policy check (registration_policy in ('OPEN', 'APPROVAL', 'INVITATION'))
);

create table community_crisis_resource (
    community_id  uuid not null,
    sort_order    integer not null,
    label         varchar(80) not null,
    phone         varchar(32) not null,
    description   varchar(300),
    constraint pk_community_crisis_resource primary key (community_id, sort_order),
    constraint fk_crisis_resource_community foreign key (community_id) references community (id) on delete cascade
);

create table membership (
    id                uuid primary key,
    community_id      uuid not null,
    account_id        uuid not null,
    pseudonym         varchar(64) not null,
    pseudonym_key     varchar(128) not null,
    role              varchar(16) not null,
    status            varchar(16) not null,
    application_note  varchar(500),
    requested_at      timestamp with time zone not null,
    joined_at         timestamp with time zone,
    version           bigint not null,
    -- Pseudonyms are unique per community by their folded key; this constraint, not a lookup, decides races.
    constraint uq_membership_pseudonym unique (community_id, pseudonym_key),
    constraint uq_membership_account unique (community_id, account_id),
    constraint fk_membership_community foreign key (community_id) references community (id),
    constraint fk_membership_account foreign key (account_id) references account (id),
    constraint ck_membership_role check (role in ('MEMBER', 'MODERATOR', 'ADMIN', 'PROVIDER')),
    constraint ck_membership_status check (status in ('PENDING', 'ACTIVE', 'LEFT'))
);
create index ix_membership_account on membership (account_id);
create index ix_membership_community_status on membership (community_id, status);

create table invitation (
    id            uuid primary key,
    community_id  uuid not null,
    token_hash    varchar(64) not null,
    grants_role   varchar(16) not null,
    created_by    uuid,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    max_uses      integer not null,
    uses          integer not null,
    revoked_at    timestamp with time zone,
    constraint uq_invitation_token unique (token_hash),
    constraint fk_invitation_community foreign key (community_id) references community (id),
    constraint fk_invitation_creator foreign key (created_by) references membership (id),
    constraint ck_invitation_uses check (uses >= 0 and uses <= max_uses)
);
create index ix_invitation_community on invitation (community_id);

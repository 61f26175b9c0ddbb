-- The toolbox: a member's own goals, planned activities, network and medications (private unless shared
-- item by item), the shares themselves, and the exercises and links the community's admins curate.
-- Portable SQL: the same script runs on PostgreSQL and H2. Every personal row is keyed by community and
-- owner, so that deleting a member or a community's data is one statement per table.

create table toolbox_goal (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    owner_id varchar(36) not null,
    title varchar(150) not null,
    why varchar(2000),
    -- [{"text": ..., "done": ...}] as JSON text: a goal's steps are read and written with the goal, never alone.
    steps varchar(20000) not null,
    progress integer,
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_goal_owner on toolbox_goal (community_id, owner_id);

create table toolbox_activity (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    owner_id varchar(36) not null,
    title varchar(150) not null,
    -- Local date and times in the community's time zone: a plan is "Tuesday at 10", not an instant.
    on_date date not null,
    start_time time not null,
    end_time time,
    note varchar(2000),
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_activity_owner on toolbox_activity (community_id, owner_id, on_date);

create table toolbox_contact (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    owner_id varchar(36) not null,
    name varchar(100) not null,
    relation varchar(100),
    closeness integer not null,
    helps varchar(1000),
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_contact_owner on toolbox_contact (community_id, owner_id);

create table toolbox_medication (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    owner_id varchar(36) not null,
    name varchar(100) not null,
    dose_amount numeric(12, 3) not null,
    dose_unit varchar(16) not null,
    -- "08:00,20:00": validated, sorted, distinct times of day.
    times varchar(200) not null,
    purpose varchar(500),
    side_effects varchar(2000),
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_medication_owner on toolbox_medication (community_id, owner_id);

create table toolbox_share (
    community_id varchar(36) not null,
    item_kind varchar(16) not null,
    item_id varchar(36) not null,
    owner_id varchar(36) not null,
    member_id varchar(36) not null,
    created_at timestamp not null,
    primary key (item_kind, item_id, member_id)
);
create index toolbox_share_member on toolbox_share (community_id, member_id);
create index toolbox_share_owner on toolbox_share (community_id, owner_id);

create table toolbox_exercise (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    title varchar(150) not null,
    kind varchar(32) not null,
    body varchar(20000) not null,
    minutes integer,
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_exercise_community on toolbox_exercise (community_id);

create table toolbox_link (
    id varchar(36) primary key,
    community_id varchar(36) not null,
    title varchar(150) not null,
    url varchar(2000) not null,
    description varchar(1000),
    kind varchar(32) not null,
    version integer not null,
    created_at timestamp not null,
    updated_at timestamp not null
);
create index toolbox_link_community on toolbox_link (community_id);

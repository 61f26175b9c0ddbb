-- Sharing a thread beyond the community (federation) needs its author's consent. shared_at is when they
-- gave it (null: not shared); a moderator may only ask, which is recorded apart and shares nothing.
-- Plain SQL that PostgreSQL and H2 both read: one column per statement, named constraints.
alter table forum_thread add column shared_at timestamp with time zone;
alter table forum_thread add column share_requested_at timestamp with time zone;
alter table forum_thread add column share_requested_by uuid;
alter table forum_thread add constraint fk_thread_share_requested_by
    foreign key (share_requested_by) references membership (id);
-- A request is when and who together, or neither.
alter table forum_thread add constraint ck_thread_share_request
    check ((share_requested_at is null and share_requested_by is null)
        or (share_requested_at is not null and share_requested_by is not null));
-- A closed circle never leaves its circle: it can be neither shared nor asked to be.
alter table forum_thread add constraint ck_thread_share_community
    check (visibility = 'COMMUNITY' or (shared_at is null and share_requested_at is null));

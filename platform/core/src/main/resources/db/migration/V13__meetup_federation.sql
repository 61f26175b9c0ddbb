-- Meetups over federation. A remote person's Join of one of our shared dates is remembered by its
-- ActivityPub id (kind JOIN, local_id = the date, origin_actor = who joined), so that a place given later
-- (from the waiting list, or by the organiser's approval) is answered with an Accept of that very Join, as
-- Mobilizon expects. A copy of a remote Event is kind MEETUP (local_id = the local meetup).
-- Plain SQL that PostgreSQL and H2 both read.
alter table federated_object drop constraint ck_federated_object_kind;
alter table federated_object add constraint ck_federated_object_kind
    check (kind in ('THREAD', 'POST', 'MEETUP', 'JOIN'));
-- Sharing a thread publishes the meetups it discusses: found by their thread.
create index ix_meetup_thread on meetup (thread_id);

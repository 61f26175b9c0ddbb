-- Live participant counts of shared meetup dates. A change in who is going marks the date here (one row per
-- date, due one interval after the first change since the last Update); a scheduled sender sends one Update of
-- the date's Event with the count at that moment and deletes the row in the same transaction, so a burst of
-- answers is one Update, and a change is not forgotten by a restart. Plain SQL that PostgreSQL and H2 both read.
create table meetup_count_update (
    occurrence_id  uuid primary key,
    due_at         timestamp with time zone not null
);
create index ix_meetup_count_update_due on meetup_count_update (due_at);

-- Issue 7, inbox throughput: an accepted activity is stored (receipt + pending row) and answered before it is
-- applied; a worker applies pending rows in batches and deletes each in the transaction that applies it. A row
-- that outlives its lease (the node died, the worker could not apply it yet) is taken up by a sweep.
create table inbox_pending (
    activity_hash    varchar(64) primary key,
    body             text not null,
    sender_iri       varchar(2048) not null,
    -- the communities admitted at acceptance, comma-separated ids (re-checked against the policy when applied)
    community_ids    varchar(4000) not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(500),
    -- set when the worker gave up on a row that kept failing: kept for the operator, never applied
    failed_at        timestamp with time zone
);
create index ix_inbox_pending_due on inbox_pending (next_attempt_at);

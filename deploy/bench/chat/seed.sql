-- Seeds the chat load benchmark into a schema that Flyway already created (Kinship deployed once
-- against this database). Run by deploy/bench/chat/run.sh in one transaction with
-- -v members=N -v fanout=M (psql --single-transaction); ANALYZE runs after it.
--
--   community "bench"     OPEN, 2 crisis resources
--   N accounts            subject of member n = the bench realm's user id
--                         bc000000-0000-4000-8000-<n, 12 digits> (run.sh generates the same ids)
--   N memberships         active MEMBERs "Bench n"; member 1 is an ADMIN
--   room 0 "Evening café" PUBLIC: the fan-out room of members 1..M
--   rooms 1..R "Lobby r"  PUBLIC: where the other members wait, 100 to a room (R = ceil((N - M) / 100))
--
-- Public rooms need no chat_room_member rows: every active member may read and write in them.
-- Ids are md5(name)::uuid, the same on every seed; ChatLoad.java derives the room ids the same way.

\set ON_ERROR_STOP on

insert into community (id, slug, name, description, language, time_zone, registration_policy, created_at, version,
                       custom_crisis_phrases)
values (md5('bench-chat-community')::uuid, 'bench', 'Bench Peer Support',
        'A large community seeded for the chat load benchmark.', 'en', 'Europe/Oslo', 'OPEN', now(), 0, false);

insert into community_crisis_resource (community_id, sort_order, label, phone, description)
values (md5('bench-chat-community')::uuid, 0, 'Emergency', '112', 'Police, fire and ambulance when life is in danger.'),
       (md5('bench-chat-community')::uuid, 1, 'Mental health helpline', '116 123', 'Open day and night, anonymous.');

insert into account (id, oidc_subject, created_at)
select md5('bench-chat-account:' || n)::uuid, 'bc000000-0000-4000-8000-' || lpad(n::text, 12, '0'), now()
from generate_series(1, :members) n;

insert into membership (id, community_id, account_id, pseudonym, pseudonym_key, role, status, application_note,
                        requested_at, joined_at, version, muted_until)
select md5('bench-chat-member:' || n)::uuid, md5('bench-chat-community')::uuid, md5('bench-chat-account:' || n)::uuid,
       'Bench ' || n,
       'bench' || n,   -- Pseudonym.key(): lower case, letters and digits only
       case when n = 1 then 'ADMIN' else 'MEMBER' end,
       'ACTIVE', null, now(), now(), 0, null
from generate_series(1, :members) n;

insert into chat_room (id, community_id, name, kind, direct_key, slow_mode_seconds, last_seq, created_at)
select md5('bench-chat-room:' || r)::uuid, md5('bench-chat-community')::uuid,
       case when r = 0 then 'Evening café' else 'Lobby ' || r end,
       'PUBLIC', null, 0, 0, now()
from generate_series(0, greatest(0, ceil((:members - :fanout) / 100.0)::int)) r;

-- Seeds server A of the federation benchmark into a schema that Flyway already created (Kinship deployed once
-- against this database). Run by deploy/bench/federation/run.sh in one transaction with
-- -v a_url=http://localhost:9580 -v b_url=http://127.0.0.1:9600 -v inbox_threads=N -v e2e_threads=M
-- (psql --single-transaction); ANALYZE runs after it.
--
-- What the real handshake would need Keycloak for is seeded here; everything the benchmark measures goes
-- through the ActivityPub paths over HTTP.
--
--   community "inbox"    federation OPEN; N threads, each shared by its author (shared_at set), each with
--                        its opening post: the inbox phase's remote replies are spread over them (a reply
--                        locks its thread's row). No followers, so nothing is announced.
--   community "deliver"  federation OPEN; one shared thread. Its 1,000 followers arrive as real Follow
--                        activities through the inbox during the run, not here.
--   community "origin"   federation OPEN; M shared threads; one follower: server B's Group "copy"
--                        (a remote_actor row and an accepted INBOUND federation_follow, as B's Follow and
--                        A's Accept would have left them).
--
-- Each community has one local member, "Bench host n", who wrote the threads. Ids are md5(name)::uuid, the same
-- on every seed; the load tool derives the thread ids the same way: md5('fed-bench-thread:<slug>:<n>').

\set ON_ERROR_STOP on

create temp table bench_community (slug text primary key, n int not null, threads int not null);
insert into bench_community values ('inbox', 1, :inbox_threads), ('deliver', 2, 1), ('origin', 3, :e2e_threads);

insert into community (id, slug, name, description, language, time_zone, registration_policy, created_at, version,
                       custom_crisis_phrases)
select md5('fed-bench-community:' || slug)::uuid, slug, 'Bench ' || initcap(slug),
       'A community seeded for the federation benchmark.', 'en', 'Europe/Oslo', 'OPEN', now(), 0, false
from bench_community;

insert into federation_policy (community_id, mode, version)
select md5('fed-bench-community:' || slug)::uuid, 'OPEN', 0 from bench_community;

insert into account (id, oidc_subject, created_at)
select md5('fed-bench-account:' || slug)::uuid, 'fed-bench:' || slug, now() from bench_community;

insert into membership (id, community_id, account_id, pseudonym, pseudonym_key, role, status, application_note,
                        requested_at, joined_at, version, muted_until)
select md5('fed-bench-member:' || slug)::uuid, md5('fed-bench-community:' || slug)::uuid,
       md5('fed-bench-account:' || slug)::uuid, 'Bench host ' || n, 'benchhost' || n, 'ADMIN', 'ACTIVE', null,
       now(), now(), 0, null
from bench_community;

insert into forum_category (id, community_id, name, description, sort_order, who_may_start, created_at, version)
select md5('fed-bench-category:' || slug)::uuid, md5('fed-bench-community:' || slug)::uuid, 'Everyday life',
       'Work, sleep, food, the small wins', 1, 'MEMBERS', now(), 0
from bench_community;

insert into forum_thread (id, community_id, category_id, visibility, title, author_id, locked, pinned, hidden,
                          needs_welcome, created_at, last_activity_at, reply_count, post_count, version, shared_at)
select md5('fed-bench-thread:' || c.slug || ':' || t)::uuid, md5('fed-bench-community:' || c.slug)::uuid,
       md5('fed-bench-category:' || c.slug)::uuid, 'COMMUNITY', 'Small wins this week, number ' || t,
       md5('fed-bench-member:' || c.slug)::uuid, false, false, false, false,
       now() - interval '1 day', now() - interval '1 day', 0, 1, 0, now() - interval '1 day'
from bench_community c, generate_series(1, c.threads) t;

insert into forum_post (id, thread_id, community_id, author_id, seq, in_reply_to, body_source, body_html, body_text,
                        content_warning, created_at, edited_at, deleted_at, hidden, crisis_flag, version)
select md5('fed-bench-post:' || c.slug || ':' || t)::uuid, md5('fed-bench-thread:' || c.slug || ':' || t)::uuid,
       md5('fed-bench-community:' || c.slug)::uuid, md5('fed-bench-member:' || c.slug)::uuid, 0, null,
       'What went well for you this week? Tiny things count too.',
       E'<p>What went well for you this week? Tiny things count too.</p>\n',
       'What went well for you this week? Tiny things count too.',
       null, now() - interval '1 day', null, null, false, false, 0
from bench_community c, generate_series(1, c.threads) t;

-- ---- the end-to-end pair: B's Group "copy" follows A's "origin" ----
insert into remote_actor (id, iri, iri_hash, host, kind, preferred_username, name, inbox, shared_inbox, followers,
                          key_id, public_key_pem, fetched_at, version)
select md5('fed-bench-b-group')::uuid, iri, encode(sha256(convert_to(iri, 'UTF8')), 'hex'),
       substring(:'b_url' from '://([^:/]+)'), 'Group', 'copy', 'Bench Copy',
       iri || '/inbox', :'b_url' || '/ap/inbox', iri || '/followers', null, null, now(), 0
from (select :'b_url' || '/ap/communities/copy' as iri) x;

insert into federation_follow (id, community_id, remote_actor_id, direction, state, activity_iri, created_at,
                               updated_at, version)
values (md5('fed-bench-b-follows-a')::uuid, md5('fed-bench-community:origin')::uuid, md5('fed-bench-b-group')::uuid,
        'INBOUND', 'ACCEPTED', :'b_url' || '/ap/activities/' || md5('fed-bench-b-follow-activity')::uuid, now(), now(), 0);

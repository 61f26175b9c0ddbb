-- Seeds server B of the federation benchmark (the end-to-end phase) into a schema that Flyway already created.
-- Run by deploy/bench/federation/run.sh in one transaction with
-- -v a_url=http://localhost:9580 -v b_url=http://127.0.0.1:9600 -v e2e_threads=M; ANALYZE runs after it.
--
-- B's community "copy" follows A's community "origin" and already shows copies of A's M shared threads, as the
-- real exchange would have left them (B's Follow, A's Accept, A's Announce of each thread's Create(Page)):
--
--   community "copy"         federation OPEN, one local member, the category remote threads land in
--   remote_actor             A's Group "origin" with its inboxes but WITHOUT its key: B fetches the Group's actor
--                            document from A over HTTP when the first Announce arrives (first contact), as it
--                            would for a key it does not know
--   remote_actor, account,   the author of A's threads as B knows them: a REMOTE membership (name@host)
--   membership
--   federation_follow        OUTBOUND, ACCEPTED: copy follows origin
--   forum_thread, forum_post the M copies, each with its opening post, in "From other communities"
--   federated_object         A's thread id -> B's copy (kind THREAD, origin = A's Group): how B finds where a
--                            reply announced by A belongs
--
-- A's ids follow seed-a.sql: thread t of "origin" is md5('fed-bench-thread:origin:<t>'), its author the
-- membership md5('fed-bench-member:origin').

\set ON_ERROR_STOP on

insert into community (id, slug, name, description, language, time_zone, registration_policy, created_at, version,
                       custom_crisis_phrases)
values (md5('fed-bench-community:copy')::uuid, 'copy', 'Bench Copy', 'Follows Bench Origin on server A.', 'en',
        'Europe/Oslo', 'OPEN', now(), 0, false);

insert into federation_policy (community_id, mode, version) values (md5('fed-bench-community:copy')::uuid, 'OPEN', 0);

insert into account (id, oidc_subject, created_at) values (md5('fed-bench-account:copy')::uuid, 'fed-bench:copy', now());

insert into membership (id, community_id, account_id, pseudonym, pseudonym_key, role, status, application_note,
                        requested_at, joined_at, version, muted_until)
values (md5('fed-bench-member:copy')::uuid, md5('fed-bench-community:copy')::uuid, md5('fed-bench-account:copy')::uuid,
        'Bench reader', 'benchreader', 'ADMIN', 'ACTIVE', null, now(), now(), 0, null);

-- FederatedForum's category for remote threads, as B makes it on the first remote thread
insert into forum_category (id, community_id, name, description, sort_order, who_may_start, created_at, version, holds_remote)
values (md5('fed-bench-category:copy')::uuid, md5('fed-bench-community:copy')::uuid, 'From other communities',
        'Threads shared by communities this one follows.', 1000, 'MODERATORS', now(), 0, true);

insert into remote_actor (id, iri, iri_hash, host, kind, preferred_username, name, inbox, shared_inbox, followers,
                          key_id, public_key_pem, fetched_at, version)
select md5(name)::uuid, iri, encode(sha256(convert_to(iri, 'UTF8')), 'hex'), substring(:'a_url' from '://([^:/]+)'),
       kind, username, display, inbox, shared, followers, null, null, now(), 0
from (values
        ('fed-bench-a-group', :'a_url' || '/ap/communities/origin', 'Group', 'origin', 'Bench Origin',
         :'a_url' || '/ap/communities/origin/inbox', :'a_url' || '/ap/inbox', :'a_url' || '/ap/communities/origin/followers'),
        ('fed-bench-a-author', :'a_url' || '/ap/members/' || md5('fed-bench-member:origin')::uuid, 'Person',
         'm_' || md5('fed-bench-member:origin'), 'Bench host 3',
         :'a_url' || '/ap/members/' || md5('fed-bench-member:origin')::uuid || '/inbox', :'a_url' || '/ap/inbox', null)
     ) a(name, iri, kind, username, display, inbox, shared, followers);

-- RemoteMembers.in(): subject 'activitypub:' + the remote actor's id, pseudonym name@host, key '@remote:' + id
insert into account (id, oidc_subject, created_at)
values (md5('fed-bench-a-author-account')::uuid, 'activitypub:' || md5('fed-bench-a-author')::uuid, now());

insert into membership (id, community_id, account_id, pseudonym, pseudonym_key, role, status, application_note,
                        requested_at, joined_at, version, muted_until, remote_actor_id)
values (md5('fed-bench-a-author-member')::uuid, md5('fed-bench-community:copy')::uuid,
        md5('fed-bench-a-author-account')::uuid, 'm_' || md5('fed-bench-member:origin') || '@' || substring(:'a_url' from '://([^:/]+)'),
        '@remote:' || md5('fed-bench-a-author')::uuid, 'MEMBER', 'REMOTE', null, now(), now(), 0, null,
        md5('fed-bench-a-author')::uuid);

insert into federation_follow (id, community_id, remote_actor_id, direction, state, activity_iri, created_at,
                               updated_at, version)
values (md5('fed-bench-b-follows-a')::uuid, md5('fed-bench-community:copy')::uuid, md5('fed-bench-a-group')::uuid,
        'OUTBOUND', 'ACCEPTED', :'b_url' || '/ap/activities/' || md5('fed-bench-b-follow-activity')::uuid, now(), now(), 0);

insert into forum_thread (id, community_id, category_id, visibility, title, author_id, locked, pinned, hidden,
                          needs_welcome, created_at, last_activity_at, reply_count, post_count, version)
select md5('fed-bench-copy-thread:' || t)::uuid, md5('fed-bench-community:copy')::uuid,
       md5('fed-bench-category:copy')::uuid, 'COMMUNITY', 'Small wins this week, number ' || t,
       md5('fed-bench-a-author-member')::uuid, false, false, false, false,
       now() - interval '1 day', now() - interval '1 day', 0, 1, 0
from generate_series(1, :e2e_threads) t;

insert into forum_post (id, thread_id, community_id, author_id, seq, in_reply_to, body_source, body_html, body_text,
                        content_warning, created_at, edited_at, deleted_at, hidden, crisis_flag, version)
select md5('fed-bench-copy-post:' || t)::uuid, md5('fed-bench-copy-thread:' || t)::uuid,
       md5('fed-bench-community:copy')::uuid, md5('fed-bench-a-author-member')::uuid, 0, null,
       'What went well for you this week? Tiny things count too.',
       E'<p>What went well for you this week? Tiny things count too.</p>\n',
       'What went well for you this week? Tiny things count too.',
       null, now() - interval '1 day', null, null, false, false, 0
from generate_series(1, :e2e_threads) t;

insert into federated_object (community_id, iri_hash, iri, kind, local_id, origin_actor, received_at)
select md5('fed-bench-community:copy')::uuid, encode(sha256(convert_to(iri, 'UTF8')), 'hex'), iri, 'THREAD',
       md5('fed-bench-copy-thread:' || t)::uuid, md5('fed-bench-a-group')::uuid, now() - interval '1 day'
from (select t, :'a_url' || '/ap/threads/' || md5('fed-bench-thread:origin:' || t)::uuid as iri
      from generate_series(1, :e2e_threads) t) x;

-- Seeds the forum load benchmark's community into a schema that Flyway already created (Kinship
-- deployed once against this database). Set-based: one INSERT ... SELECT per table, generate_series
-- for the rows. Run by deploy/bench/forum/run.sh in one transaction (psql --single-transaction), so
-- a failed seed leaves nothing behind; ANALYZE runs after it.
--
--   community "bench"  OPEN, 2 crisis resources, 10 categories
--   1,000 accounts     member 1 is the realm's member-ada (fixed subject ...0004), an ordinary MEMBER
--   20,000 threads     COMMUNITY, in the categories (skewed: the first one is the busiest), created
--                      over the last year; one pinned per category, a few locked and hidden
--   520,000 posts      the opening post (seq 0) of every thread plus exactly 500,000 replies: every
--                      tenth thread has 59-157 replies, the others 0-31; bodies of 2 paragraphs
--                      (Markdown source, <p> HTML, plain text), some replying to an earlier post,
--                      with content warnings, edits, tombstones (deleted) and hidden posts here and there
--   reactions          on about a fifth of the live posts, 1-3 each
--   read markers       member-ada has read some threads, all or part of them
--
-- Ids are derived from md5(name), so the same row gets the same id on every seed; random() runs
-- from a fixed seed. Everything respects the migrations' NOT NULL, unique and check constraints
-- (the foreign keys are checked as usual).

\set ON_ERROR_STOP on
select setseed(0.4242);

-- ---- sizes ----
create temp table bench_size as select 1000 as members, 20000 as threads, 500000 as replies, 10 as categories;

-- ---- community ----
insert into community (id, slug, name, description, language, time_zone, registration_policy, created_at, version,
                       custom_crisis_phrases)
values (md5('bench-community')::uuid, 'bench', 'Bench Peer Support',
        'Peer support for people with lived experience of mental-health problems, their families and allies. '
            || 'A large, busy community seeded for the forum load benchmark.',
        'en', 'Europe/Oslo', 'OPEN', now() - interval '400 days', 0, false);

insert into community_crisis_resource (community_id, sort_order, label, phone, description)
values (md5('bench-community')::uuid, 0, 'Emergency', '112', 'Police, fire and ambulance when life is in danger.'),
       (md5('bench-community')::uuid, 1, 'Mental health helpline', '116 123', 'Open day and night, anonymous.');

-- ---- accounts and memberships ----
-- Member 1 is member-ada: her account is found by the subject Keycloak puts in her token.
insert into account (id, oidc_subject, created_at)
select md5('bench-account:' || n)::uuid,
       case when n = 1 then '00000000-0000-4000-8000-000000000004' else 'bench:' || n end,
       now() - interval '400 days' + (n % 300) * interval '1 day'
from generate_series(1, (select members from bench_size)) n;

create temp table bench_name as
select n,
       case when n = 1 then 'Ada B'
            else (array['Quiet', 'River', 'Maple', 'Harbor', 'Willow', 'Lantern', 'Cedar', 'Meadow', 'Pebble', 'Robin',
                        'Fern', 'Sparrow', 'Tide', 'Birch', 'Clover', 'Ember'])[1 + n % 16]
                 || (array['walker', 'reader', 'dreamer', 'finder', 'singer', 'friend', 'heart', 'owl', 'fox', 'gull',
                           'hare', 'guest'])[1 + (n / 16) % 12]
                 || ' ' || n
       end as pseudonym
from generate_series(1, (select members from bench_size)) n;

insert into membership (id, community_id, account_id, pseudonym, pseudonym_key, role, status, application_note,
                        requested_at, joined_at, version, muted_until)
select md5('bench-member:' || n)::uuid, md5('bench-community')::uuid, md5('bench-account:' || n)::uuid,
       pseudonym,
       -- Pseudonym.key(): lower case, letters and digits only (the names here are ASCII)
       lower(regexp_replace(pseudonym, '[^A-Za-z0-9]', '', 'g')),
       case when n = 2 then 'ADMIN' when n between 3 and 6 then 'MODERATOR' when n = 7 then 'PROVIDER' else 'MEMBER' end,
       'ACTIVE', null,
       now() - interval '400 days' + (n % 300) * interval '1 day',
       now() - interval '400 days' + (n % 300) * interval '1 day' + interval '1 hour',
       0, null
from bench_name;

-- ---- categories ----
insert into forum_category (id, community_id, name, description, sort_order, who_may_start, created_at, version)
select md5('bench-category:' || c)::uuid, md5('bench-community')::uuid,
       (array['Everyday life', 'Anxiety', 'Low mood', 'Sleep', 'Work and study', 'Family and carers',
              'Medication and treatment', 'Small wins', 'Creative corner', 'Off topic'])[c],
       (array['Work, sleep, food, the small wins', 'Worry, panic and what helps', 'The heavy days',
              'Nights, rest and routines', 'Jobs, school and going back', 'For parents, partners and friends',
              'Experiences, side effects, questions for the doctor', 'Share what went well',
              'Music, writing, drawing, making things', 'Everything else'])[c],
       c, 'MEMBERS', now() - interval '400 days', 0
from generate_series(1, (select categories from bench_size)) c;

-- ---- threads ----
-- The plan of every thread: its category, author, age and a weight for its number of replies.
create temp table bench_thread as
select n,
       md5('bench-thread:' || n)::uuid as id,
       -- one pinned thread per category; otherwise skewed towards the first categories
       case when n <= 10 then n else least(10, 1 + floor(10 * power(random(), 1.6))::int) end as category,
       1 + floor(random() * (select members from bench_size))::int as author,
       now() - random() * interval '365 days' as created_at,
       case when n % 10 = 0 then 3 + 5 * random() else 1.6 * random() end as weight,
       0 as reply_count
from generate_series(1, (select threads from bench_size)) n;

-- Reply counts proportional to the weights, summing to exactly 500,000: the floors, then one more
-- for as many threads as the floors fell short.
update bench_thread t
set reply_count = floor(t.weight * (select replies from bench_size) / s.total)::int
from (select sum(weight) as total from bench_thread) s;
update bench_thread t
set reply_count = t.reply_count + 1
from (select n from bench_thread order by n
      limit (select (select replies from bench_size) - sum(reply_count) from bench_thread)) extra
where t.n = extra.n;

alter table bench_thread add column gap interval;
-- replies arrive some minutes to hours apart, the last one no later than now
update bench_thread set gap = least((now() - created_at) / (reply_count + 1), interval '5 hours' * (0.2 + random()));
create unique index on bench_thread (n);
analyze bench_thread;

insert into forum_thread (id, community_id, category_id, visibility, title, author_id, locked, pinned, hidden,
                          needs_welcome, created_at, last_activity_at, reply_count, post_count, version)
select t.id, md5('bench-community')::uuid, md5('bench-category:' || t.category)::uuid, 'COMMUNITY',
       case when t.n <= 10 then 'Welcome, and how this category works'
            else (array['First week back at work', 'Can''t sleep again', 'How do you tell your family?',
                        'Small win today', 'Medication side effects, anyone else?', 'The waiting list feels endless',
                        'Café meetup on Thursday', 'A good day, for once', 'Talking to my employer about adjustments',
                        'Anxiety in the supermarket', 'Routines that actually help',
                        'Supporting a partner through a bad patch', 'The winter months', 'Explaining it to my kids',
                        'Finally got a referral', 'Volunteering as a way back', 'Feeling guilty for cancelling plans',
                        'Breathing exercises that work for you', 'Music that helps',
                        'Moving flats and feeling unsettled', 'Tired of being tired',
                        'First appointment with the team', 'What do you say when people ask how you are?',
                        'Getting outside when it is hard', 'Cooking again', 'Relapse after a good year',
                        'Therapy homework', 'Being a carer and looking after yourself', 'The day centre',
                        'Nights are the worst', 'Something that made me smile', 'Learning to rest',
                        'A sibling who doesn''t understand', 'Back to studying',
                        'Panic attacks on public transport', 'Writing as therapy', 'Going back to the doctor',
                        'Long-term sick leave', 'Loneliness at weekends', 'A year since my diagnosis',
                        'Letter to my younger self', 'Small steps with the gym', 'Hobbies that keep you grounded',
                        'When friends drift away', 'Starting a new job', 'My dog keeps me going',
                        'Getting through the holidays', 'Counting good moments', 'Checking in this week',
                        'Tips for the first group meeting'])[1 + (t.n * 7) % 50]
                 || (array['', '', '', '', ' - any advice?', ' - an update', ' (long post, sorry)', ' (carer here)'])[1 + (t.n / 50) % 8]
       end,
       md5('bench-member:' || t.author)::uuid,
       t.n % 503 = 0,            -- a few locked
       t.n <= 10,                -- one pinned per category
       t.n % 997 = 0,            -- a few hidden by moderators
       false,
       t.created_at, t.created_at + t.reply_count * t.gap, t.reply_count, t.reply_count + 1, 0
from bench_thread t;

-- ---- posts ----
-- A pool of 1,000 bodies, each two paragraphs of 2-3 sentences (300-600 characters), in the three
-- forms Kinship stores: the Markdown source, its HTML (as commonmark renders it) and the plain text.
create temp table bench_sentence (k int primary key, s text not null);
insert into bench_sentence (k, s)
select row_number() over () - 1, s
from unnest(array[
    'I have been putting off writing this for a few weeks, but tonight I finally feel ready to share.',
    'Sleep has been patchy again, and everything feels heavier when I only get four or five hours.',
    'My therapist suggested keeping a small notebook of good moments, even tiny ones, and it helps more than I expected.',
    'Thank you all for the kind replies last time; reading them on the bus made my whole morning easier.',
    'Work has been understanding so far, but I worry about what happens when the reduced hours end next month.',
    'Some days the walk to the shop feels like climbing a mountain, and other days it is just a walk.',
    'I told my sister about the diagnosis at the weekend and she listened without trying to fix anything.',
    'The new medication makes me tired in the afternoons, so I have started planning the day around that.',
    'Has anyone else found that routines help, even when they feel pointless at first?',
    'I went to the café meetup on Thursday and sat in the corner, but I stayed for the whole hour.',
    'It is strange how a small thing like a text from a friend can change the shape of a day.',
    'I am trying to be gentler with myself when I cancel plans, instead of replaying it all night.',
    'My partner and I made a list of signs that things are getting worse, so we can both notice early.',
    'The waiting list for the clinic is still long, and this forum is what keeps me going in between.',
    'I cooked a proper dinner for the first time in weeks, nothing fancy, just soup and bread.',
    'When the anxiety hits in the supermarket I now focus on naming five things I can see.',
    'I do not have advice, only that you are not alone in this and it makes sense to feel that way.',
    'Writing things down here before I talk to my doctor helps me remember what I wanted to say.',
    'My son asked me why I stay in bed some mornings, and I am not sure how to explain it to a child.',
    'Spring light always helps a little, even though I know it will not fix everything.',
    'I started volunteering two hours a week at the library, and it gives the week a bit of structure.',
    'Some of the people at the day centre have become real friends over the last year.',
    'The hardest part is explaining to people that being better is not the same as being well.',
    'I tried the breathing exercise someone posted here and it helped me get through a meeting.',
    'Does anyone have tips for talking to an employer about adjustments without oversharing?',
    'It took me a long time to accept help, and I still feel guilty about needing it sometimes.',
    'My old bike is fixed now, so I have been going for short rides along the river after dinner.',
    'I am proud of you for posting this, it is not easy to put these things into words.',
    'Family dinners are hard for me because everyone asks how I am and I never know what to say.',
    'The helpline was kind when I called last winter, and I wanted to say that here in case it helps someone.',
    'Music has been my anchor this month, especially old albums I listened to as a teenager.',
    'I keep a list on my phone of people I can text when things get bad, and I look at it often.',
    'My GP finally referred me to the team, and the first appointment is in two weeks.',
    'Today was a good day, and I want to remember that they still happen.',
    'I relate to so much of what you wrote, especially the part about feeling tired of being tired.',
    'We moved flats in the autumn and it took months before the new place felt like home.',
    'Small wins this week: showered every day, answered two emails, and called my mum back.',
    'I am still learning that rest is not the same as giving up.'
]) s;

create temp table bench_body as
with picks as (
    select b, i, floor(random() * 38)::int as k,
           2 + (b % 2) as first_len,            -- sentences in the first paragraph
           2 + ((b / 2) % 2) as second_len      -- and in the second
    from generate_series(0, 999) b, generate_series(1, 6) i
), used as (
    select p.b, p.i, p.first_len, s.s,
           -- every fourth body emphasises the first sentence of its second paragraph
           (p.b % 4 = 0 and p.i = p.first_len + 1) as em
    from picks p join bench_sentence s on s.k = p.k
    where p.i <= p.first_len + p.second_len
)
select b,
       string_agg(case when em then '*' || s || '*' else s end, case when i = first_len + 1 then E'\n\n' else ' ' end order by i) as source,
       '<p>' || string_agg(case when em then '<em>' || s || '</em>' else s end, case when i = first_len + 1 then E'</p>\n<p>' else ' ' end order by i) || E'</p>\n' as html,
       string_agg(s, ' ' order by i) as text
from used
group by b;
create unique index on bench_body (b);
analyze bench_body;

-- The non-constraint indexes of forum_post (the word index above all) are dropped for the bulk
-- insert and rebuilt after it from their own definitions, which is much faster than maintaining them
-- row by row; the primary key and unique (thread_id, seq) stay.
create temp table bench_saved_index as
select i.indexname, i.indexdef
from pg_indexes i
where i.schemaname = current_schema() and i.tablename = 'forum_post'
  and i.indexname not in (select conname from pg_constraint);
do $$
declare r record;
begin
    for r in select indexname from bench_saved_index loop
        execute format('drop index %I', r.indexname);
    end loop;
end $$;

insert into forum_post (id, thread_id, community_id, author_id, seq, in_reply_to, body_source, body_html, body_text,
                        content_warning, created_at, edited_at, deleted_at, hidden, crisis_flag, version)
select md5('bench-post:' || t.n || ':' || s.seq)::uuid, t.id, md5('bench-community')::uuid,
       case when s.seq = 0 then md5('bench-member:' || t.author)::uuid
            else md5('bench-member:' || (1 + (t.n * 7919 + s.seq * 104729) % 1000))::uuid end,
       s.seq,
       -- every sixth reply (from the fourth on) answers one of the three posts before it
       case when s.seq >= 4 and (t.n + s.seq) % 6 = 0
            then md5('bench-post:' || t.n || ':' || (s.seq - 1 - (t.n * s.seq) % 3))::uuid end,
       case when deleted then null else b.source end,
       case when deleted then null else b.html end,
       case when deleted then null else b.text end,
       case when not deleted and (t.n + s.seq) % 53 = 0
            then (array['medication', 'hospital stay', 'family conflict', 'self-harm (past)'])[1 + (t.n + s.seq) % 4] end,
       t.created_at + s.seq * t.gap,
       case when not deleted and (t.n + s.seq) % 29 = 0 then t.created_at + s.seq * t.gap + interval '12 minutes' end,
       case when deleted then t.created_at + s.seq * t.gap + interval '2 hours' end,
       s.seq > 0 and not deleted and (t.n + s.seq) % 409 = 0,
       false, 0
from bench_thread t
cross join lateral generate_series(0, t.reply_count) s(seq)
cross join lateral (select s.seq > 0 and (t.n + s.seq) % 211 = 0 as deleted) d
join bench_body b on b.b = (t.n * 31 + s.seq * 17) % 1000;

do $$
declare r record;
begin
    for r in select indexdef from bench_saved_index loop
        execute r.indexdef;
    end loop;
end $$;

-- ---- reactions: on about a fifth of the live posts, 1-3 each, of different kinds ----
insert into forum_reaction (id, post_id, member_id, kind, created_at)
select gen_random_uuid(), p.id,
       md5('bench-member:' || (1 + abs(hashtext(p.id::text || ':' || k)) % 1000))::uuid,
       (array['HEART', 'HUG', 'STRENGTH', 'SAME', 'THANKS'])[1 + (p.seq + k) % 5],
       least(now(), p.created_at + k * interval '40 minutes')
from forum_post p
cross join lateral generate_series(1, 1 + abs(hashtext(p.id::text)) % 3) k
where p.community_id = md5('bench-community')::uuid
  and p.deleted_at is null and not p.hidden
  and abs(hashtext(p.id::text)) % 5 = 0;

-- ---- read markers: member-ada has read every tenth thread, all of it or half ----
insert into read_marker (id, thread_id, member_id, last_seq, updated_at)
select gen_random_uuid(), t.id, md5('bench-member:1')::uuid,
       case when t.n % 20 = 3 then t.reply_count else t.reply_count / 2 end,
       t.created_at + t.reply_count * t.gap
from bench_thread t
where t.n % 10 = 3;

-- Full-text search (PostgreSQL; chosen by Migrations for this database): word indexes over post text and thread titles. The 'simple'
-- configuration does not stem, so it treats Norwegian and English alike and matches whole words.
create index ix_post_search on forum_post using gin (to_tsvector('simple', coalesce(body_text, '')));
create index ix_thread_search on forum_thread using gin (to_tsvector('simple', coalesce(title, '')));
create index ix_post_community_created on forum_post (community_id, created_at);

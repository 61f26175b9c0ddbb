-- Search on the embedded H2 database scans post text (see ForumSearch); this keeps the order cheap.
create index ix_post_community_created on forum_post (community_id, created_at);

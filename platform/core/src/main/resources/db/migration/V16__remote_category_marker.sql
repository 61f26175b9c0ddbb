-- The category that holds threads copied from followed communities is marked, not found by its name: its name
-- is now in the community's language, and an admin may rename it without a second one being made. Existing
-- ones (made in English by name) are marked. Plain SQL that PostgreSQL and H2 both read.
alter table forum_category add column holds_remote boolean default false not null;
update forum_category set holds_remote = true where name = 'From other communities';

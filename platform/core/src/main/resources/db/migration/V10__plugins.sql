-- Which plugins each community has switched on. A plugin with no row here is off: communities
-- choose what they offer, nothing appears by itself. Plugins' own tables come from their own
-- migrations (history tables flyway_plugin_<id>), never from this folder.
create table community_plugin (
    community_id  uuid not null references community (id),
    plugin_id     varchar(32) not null,
    enabled       boolean not null,
    changed_at    timestamp with time zone not null,
    primary key (community_id, plugin_id)
);

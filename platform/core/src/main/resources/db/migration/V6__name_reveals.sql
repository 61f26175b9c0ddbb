-- A member may tell chosen members a name of their choosing (their real first name, say). Only those
-- members ever see it; it is never listed, searched or federated.
create table name_reveal (
    id           uuid primary key,
    member_id    uuid not null,
    revealed_to  uuid not null,
    name         varchar(64) not null,
    created_at   timestamp with time zone not null,
    constraint fk_reveal_member foreign key (member_id) references membership (id),
    constraint fk_reveal_to foreign key (revealed_to) references membership (id),
    constraint uq_name_reveal unique (member_id, revealed_to)
);
create index ix_reveal_to on name_reveal (revealed_to);

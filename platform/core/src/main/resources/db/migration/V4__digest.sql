-- The optional e-mail digest, off by default. A row exists only while a member wants the digest:
-- turning it off deletes the row and with it the only e-mail address Kinship ever stores.

create table digest_subscription (
    id            uuid primary key,
    member_id     uuid not null,
    frequency     varchar(8) not null,
    email         varchar(254) not null,
    last_sent_at  timestamp with time zone,
    created_at    timestamp with time zone not null,
    version       bigint not null,
    constraint uq_digest_member unique (member_id),
    constraint fk_digest_member foreign key (member_id) references membership (id),
    constraint ck_digest_frequency check (frequency in ('DAILY', 'WEEKLY'))
);
create index ix_digest_due on digest_subscription (frequency, last_sent_at);

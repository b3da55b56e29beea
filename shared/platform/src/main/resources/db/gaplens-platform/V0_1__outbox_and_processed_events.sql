-- Transactional outbox: a service writes its events here in the transaction that changes its
-- state; the relay publishes them to Kafka in id order and sets sent_at.
create table gaplens_outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    tenant_id    text,
    topic        text        not null,
    record_key   text        not null,
    ce_type      text        not null,
    ce_source    text        not null,
    ce_subject   text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    sent_at      timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

create index gaplens_outbox_unsent on gaplens_outbox (id) where sent_at is null;

-- Idempotent consumption: a consumer records each event id in the transaction that applies the
-- event, so a redelivered event finds its id and changes nothing.
create table gaplens_processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

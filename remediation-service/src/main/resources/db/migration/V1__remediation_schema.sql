-- Per-tenant planning rules. A tenant without a row plans with the configured defaults.
create table remediation_settings (
    tenant_id               text primary key,
    time_zone               text        not null,
    critical_days           integer     not null check (critical_days > 0),
    high_days               integer     not null check (high_days > 0),
    medium_days             integer     not null check (medium_days > 0),
    low_days                integer     not null check (low_days > 0),
    critical_phase          integer     not null check (critical_phase between 1 and 3),
    high_phase              integer     not null check (high_phase between 1 and 3),
    medium_phase            integer     not null check (medium_phase between 1 and 3),
    low_phase               integer     not null check (low_phase between 1 and 3),
    monitoring_phase        integer     not null check (monitoring_phase between 1 and 3),
    monitoring_requirements text        not null,
    updated_at              timestamptz not null,
    updated_by              text        not null,
    row_version             bigint      not null default 0
);

-- A gap as the risk service rated it: one row per tenant, assessment and requirement.
create table remediation_gap (
    id                uuid primary key,
    tenant_id         text        not null,
    assessment_id     uuid        not null,
    requirement_ref   text        not null,
    requirement_title text,
    risk_id           uuid,
    risk_level        text check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    risk_score        integer,
    status            text        not null check (status in ('OPEN', 'CLOSED')),
    rated_at          timestamptz,
    updated_at        timestamptz not null,
    unique (tenant_id, assessment_id, requirement_ref)
);

create table remediation_action (
    id               uuid primary key,
    tenant_id        text        not null,
    assessment_id    uuid        not null,
    title            text        not null,
    description      text,
    origin           text        not null check (origin in ('RISK', 'USER', 'SPLIT')),
    split_from_id    uuid references remediation_action (id),
    risk_level       text check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    phase            integer     not null check (phase between 1 and 3),
    priority         integer     not null check (priority >= 1),
    priority_manual  boolean     not null default false,
    owner            text,
    planned_on       date        not null,
    due_date         date        not null,
    due_date_manual  boolean     not null default false,
    status           text        not null check (status in
                         ('PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'VERIFIED', 'CANCELLED')),
    blocked_reason   text,
    completed_at     timestamptz,
    completed_by     text,
    verified_at      timestamptz,
    verified_by      text,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    row_version      bigint      not null default 0
);

create index remediation_action_plan on remediation_action (tenant_id, assessment_id, phase, priority, due_date);
create index remediation_action_open_due on remediation_action (due_date) where status in ('PLANNED', 'IN_PROGRESS', 'BLOCKED');

-- The requirements (gaps) an action covers.
create table remediation_action_requirement (
    action_id       uuid not null references remediation_action (id) on delete cascade,
    requirement_ref text not null,
    primary key (action_id, requirement_ref)
);

create index remediation_action_requirement_ref on remediation_action_requirement (requirement_ref);

-- action_id cannot start (or finish) before depends_on_id; the service keeps the graph acyclic.
create table remediation_action_dependency (
    action_id     uuid not null references remediation_action (id) on delete cascade,
    depends_on_id uuid not null references remediation_action (id) on delete cascade,
    primary key (action_id, depends_on_id),
    check (action_id <> depends_on_id)
);

-- Audit trail of every change to an action: who, when, the old and the new value, and why.
-- seq orders the entries of one action, which can share changed_at.
create table remediation_action_change (
    id          uuid primary key,
    seq         bigserial   not null,
    tenant_id   text        not null,
    action_id   uuid        not null references remediation_action (id) on delete cascade,
    field       text        not null,
    old_value   text,
    new_value   text,
    reason      text,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create index remediation_action_change_by_action on remediation_action_change (action_id, seq);

-- RemediationOverdue is sent once per action and due date: a row here records that it was.
create table remediation_overdue_notice (
    action_id   uuid        not null references remediation_action (id) on delete cascade,
    due_date    date        not null,
    detected_at timestamptz not null,
    primary key (action_id, due_date)
);

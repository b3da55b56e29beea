-- Read models of the reporting service. Every row is built from events only, so the whole schema
-- can be emptied and rebuilt by replaying the topics. Each event upserts its own facts, because
-- events of different topics reach this service in any order.

-- One row per assessment: its header from AssessmentStarted and AssessmentCompleted, and the
-- latest event that any report of the assessment reflects.
create table assessment_report (
    id                     uuid        primary key,
    tenant_id              text        not null,
    assessment_id          uuid        not null,
    name                   text,
    catalog_id             text,
    catalog_version        text,
    target_maturity        integer,
    baseline_assessment_id uuid,
    assessable_count       integer,
    scope_criticality      text,
    started_at             timestamptz,
    completed_at           timestamptz,
    event_count            bigint      not null,
    latest_event_id        text        not null,
    latest_event_type      text        not null,
    latest_event_at        timestamptz not null,
    unique (tenant_id, assessment_id)
);

-- One row per requirement of an assessment. AssessmentStarted lists the requirements (the
-- denominators); AnswerRecorded, GapIdentified and GapClosed set the answer. status_at is the time
-- of the event that set status and maturity, so that an older event never overwrites a newer one.
create table requirement_result (
    id                  uuid        primary key,
    tenant_id           text        not null,
    assessment_id       uuid        not null,
    ref                 text        not null,
    title               text        not null,
    kind                text        not null,
    group_ref           text        not null,
    excludable          boolean,
    position            integer,
    status              text        not null,
    maturity            integer,
    target_maturity     integer,
    status_at           timestamptz,
    justification       text,
    inclusion_reasons   text,
    evidence            text,
    notes               text,
    carried_over        boolean     not null default false,
    remediated          boolean     not null default false,
    answered_by         text,
    answered_at         timestamptz,
    gap_identified_at   timestamptz,
    gap_closed_at       timestamptz,
    unique (tenant_id, assessment_id, ref)
);

-- The latest rating of each risk from RiskAssessed.
create table risk_rating (
    id                  uuid        primary key,
    tenant_id           text        not null,
    risk_id             uuid        not null,
    assessment_id       uuid        not null,
    requirement_ref     text        not null,
    requirement_title   text        not null,
    group_ref           text,
    likelihood          integer     not null,
    impact              integer     not null,
    score               integer     not null,
    level               text        not null,
    residual_likelihood integer,
    residual_impact     integer,
    residual_level      text,
    status              text        not null,
    assessed_at         timestamptz not null,
    unique (tenant_id, risk_id)
);

create index risk_rating_assessment on risk_rating (tenant_id, assessment_id);

-- The state of each remediation action from RemediationPlanned, RemediationCompleted and
-- RemediationOverdue. requirement_refs is a JSON array of requirement references. The planning
-- columns are null while only a completion or overdue notice has arrived.
create table remediation_action (
    id                  uuid        primary key,
    tenant_id           text        not null,
    action_id           uuid        not null,
    assessment_id       uuid        not null,
    requirement_refs    text        not null,
    title               text,
    phase               integer,
    priority            integer,
    risk_level          text,
    owner               text,
    due_date            date,
    status              text,
    status_at           timestamptz,
    planned_at          timestamptz,
    completed_at        timestamptz,
    completed_by        text,
    overdue_due_date    date,
    overdue_detected_at timestamptz,
    unique (tenant_id, action_id)
);

create index remediation_action_assessment on remediation_action (tenant_id, assessment_id);

-- The events applied per tenant, so that a rebuild can forget one tenant's processed events
-- (gaplens_processed_event has no tenant column).
create table applied_event (
    tenant_id     text        not null,
    event_id      text        not null,
    event_type    text        not null,
    assessment_id uuid        not null,
    occurred_at   timestamptz not null,
    primary key (tenant_id, event_id)
);

-- An assessment measures one tenant against one catalogue version, pinned at creation.
-- scope is a JSON document: business units, processes, locations, assets and exclusions.
create table assessment (
    id                     uuid primary key,
    tenant_id              text        not null,
    name                   text        not null,
    catalog_id             text        not null,
    catalog_version        text        not null,
    catalog_title          text        not null,
    target_maturity        integer     not null check (target_maturity between 0 and 5),
    start_date             date,
    due_date               date,
    scope                  text        not null,
    status                 text        not null check (status in ('DRAFT', 'IN_PROGRESS', 'COMPLETED', 'ARCHIVED')),
    baseline_assessment_id uuid references assessment (id),
    created_by             text        not null,
    created_at             timestamptz not null,
    started_at             timestamptz,
    completed_at           timestamptz,
    archived_at            timestamptz,
    row_version            bigint      not null default 0
);

create index assessment_by_tenant on assessment (tenant_id, created_at);

-- The assessment's own copy of the assessable requirements of its catalogue version, so that
-- later catalogue changes never change the assessment. group_ref is the clause or Annex A theme.
create table assessment_requirement (
    id                  uuid primary key,
    assessment_id       uuid    not null references assessment (id) on delete cascade,
    ref                 text    not null,
    title               text    not null,
    kind                text    not null check (kind in ('CLAUSE', 'CONTROL')),
    group_ref           text    not null,
    excludable          boolean not null,
    position            integer not null,
    security_properties text    not null default '[]',
    unique (assessment_id, ref)
);

-- One answer per assessable requirement, created as NOT_ASSESSED with the assessment.
-- inclusion_reasons, evidence and provenance are JSON arrays.
create table answer (
    id                    uuid primary key,
    tenant_id             text        not null,
    assessment_id         uuid        not null references assessment (id) on delete cascade,
    requirement_ref       text        not null,
    status                text        not null check (status in ('NOT_ASSESSED', 'NOT_IMPLEMENTED',
                              'PARTIALLY_IMPLEMENTED', 'IMPLEMENTED', 'NOT_APPLICABLE')),
    maturity              integer check (maturity between 0 and 5),
    justification         text,
    inclusion_reasons     text        not null default '[]',
    notes                 text,
    evidence              text        not null default '[]',
    assessor              text,
    answered_at           timestamptz,
    carried_over          boolean     not null default false,
    review_required       boolean     not null default false,
    provenance            text        not null default '[]',
    gap                   boolean     not null default false,
    remediated            boolean     not null default false,
    remediation_action_id uuid,
    updated_by            text,
    updated_at            timestamptz,
    row_version           bigint      not null default 0,
    unique (assessment_id, requirement_ref)
);

-- The audit trail of answers: every change with who made it, when, and the old and new value as JSON.
create table answer_change (
    id              uuid primary key,
    tenant_id       text        not null,
    assessment_id   uuid        not null references assessment (id) on delete cascade,
    requirement_ref text        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null,
    source          text        not null check (source in ('API', 'IMPORT', 'BASELINE', 'REMEDIATION')),
    old_value       text        not null,
    new_value       text        not null
);

create index answer_change_by_answer on answer_change (assessment_id, requirement_ref, changed_at);

-- Interviews and document reviews are evidence-gathering records; requirement_refs (a JSON array)
-- links each one to the answers of those requirements.
create table interview (
    id               uuid primary key,
    tenant_id        text        not null,
    assessment_id    uuid        not null references assessment (id) on delete cascade,
    interviewee_role text        not null,
    held_on          date        not null,
    topics           text        not null,
    requirement_refs text        not null,
    notes            text,
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);

create table document_review (
    id               uuid primary key,
    tenant_id        text        not null,
    assessment_id    uuid        not null references assessment (id) on delete cascade,
    document         text        not null,
    document_version text,
    reviewed_on      date        not null,
    requirement_refs text        not null,
    notes            text,
    recorded_by      text        not null,
    recorded_at      timestamptz not null
);

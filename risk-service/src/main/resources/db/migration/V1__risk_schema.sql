-- The risk method of one organisation. Organisations without a row use the built-in default
-- (5 x 5 scales, levels low/medium/high/critical from score thresholds 5, 10 and 15).
-- definition is the method as JSON: scales, levels, and either thresholds or a level matrix.
create table risk_method (
    id          uuid primary key,
    tenant_id   text        not null unique,
    definition  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    row_version bigint      not null default 0
);

-- The criticality of an assessment's scope, an input of every impact rating in the assessment.
-- It arrives with AssessmentStarted and GapIdentified, and risk managers may change it.
create table assessment_scope (
    id            uuid primary key,
    tenant_id     text        not null,
    assessment_id uuid        not null,
    criticality   text        not null check (criticality in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    updated_at    timestamptz not null,
    updated_by    text        not null,
    row_version   bigint      not null default 0,
    unique (tenant_id, assessment_id)
);

-- One risk per gap: (tenant, assessment, requirement). The computed rating comes from the rules,
-- the chosen one from a risk manager; likelihood/impact/score/level are the effective inherent
-- rating (chosen when set, else computed). Residual values follow the treatment.
create table risk (
    id                   uuid primary key,
    tenant_id            text        not null,
    assessment_id        uuid        not null,
    requirement_ref      text        not null,
    requirement_title    text        not null,
    requirement_kind     text,
    requirement_group    text,
    gap_status           text        not null,
    maturity             integer,
    target_maturity      integer     not null,
    security_properties  text        not null,
    computed_likelihood  integer     not null,
    computed_impact      integer     not null,
    likelihood_reasons   text        not null,
    impact_reasons       text        not null,
    chosen_likelihood    integer,
    chosen_impact        integer,
    chosen_rationale     text,
    chosen_by            text,
    chosen_at            timestamptz,
    likelihood           integer     not null,
    impact               integer     not null,
    score                integer     not null,
    level                text        not null,
    treatment            text check (treatment in ('MITIGATE', 'ACCEPT', 'TRANSFER', 'AVOID')),
    treatment_owner      text,
    treatment_rationale  text,
    treatment_decided_on date,
    treatment_approver   text,
    treatment_expires_on date,
    expected_likelihood  integer,
    expected_impact      integer,
    residual_likelihood  integer     not null,
    residual_impact      integer     not null,
    residual_score       integer     not null,
    residual_level       text        not null,
    status               text        not null check (status in ('OPEN', 'CLOSED')),
    identified_at        timestamptz not null,
    closed_at            timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    row_version          bigint      not null default 0,
    unique (tenant_id, assessment_id, requirement_ref)
);

create index risk_by_assessment on risk (tenant_id, assessment_id, status);

-- Threats and vulnerabilities of one organisation (kind THREAT or VULNERABILITY). Linked to a
-- risk, the strongest likelihood adjustment of each kind is added to the risk's likelihood points.
create table risk_factor (
    id                    uuid primary key,
    tenant_id             text        not null,
    kind                  text        not null check (kind in ('THREAT', 'VULNERABILITY')),
    name                  text        not null,
    description           text,
    likelihood_adjustment integer     not null check (likelihood_adjustment between -2 and 2),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    row_version           bigint      not null default 0,
    unique (tenant_id, kind, name)
);

create table risk_factor_link (
    risk_id   uuid not null references risk (id) on delete cascade,
    factor_id uuid not null references risk_factor (id) on delete cascade,
    primary key (risk_id, factor_id)
);

create index risk_factor_link_by_factor on risk_factor_link (factor_id);

-- Audit trail of every change to a risk's rating, treatment or status: who, when, old and new.
create table risk_audit (
    id          uuid primary key,
    tenant_id   text        not null,
    risk_id     uuid        not null references risk (id) on delete cascade,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    note        text,
    old_value   text,
    new_value   text        not null
);

create index risk_audit_by_risk on risk_audit (risk_id, occurred_at);

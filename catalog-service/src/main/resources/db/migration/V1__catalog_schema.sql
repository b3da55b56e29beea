-- A catalogue is a framework (ISO/IEC 27001, an organisation's internal control set, ...).
-- tenant_id is null for the catalogues shipped with GapLens, which every tenant can read.
create table catalog (
    id          uuid primary key,
    tenant_id   text,
    catalog_key text not null,
    title       text not null,
    publisher   text,
    created_at  timestamptz not null
);

create unique index catalog_key_per_tenant on catalog (coalesce(tenant_id, ''), catalog_key);

-- A version is a draft until it is published; a published version never changes.
create table catalog_version (
    id           uuid primary key,
    catalog_id   uuid not null references catalog (id),
    version      text not null,
    title        text not null,
    status       text not null check (status in ('DRAFT', 'PUBLISHED')),
    created_at   timestamptz not null,
    published_at timestamptz,
    row_version  bigint not null default 0,
    unique (catalog_id, version)
);

-- Requirements form a tree by parent_ref. Grouping nodes organise it and take no answers
-- (assessable = false). section_ref is the root ancestor: the clause (4-10) or Annex A theme.
create table requirement (
    id                 uuid primary key,
    catalog_version_id uuid    not null references catalog_version (id) on delete cascade,
    ref                text    not null,
    parent_ref         text,
    section_ref        text    not null,
    kind               text    not null,
    assessable         boolean not null,
    excludable         boolean not null,
    title              text    not null,
    guidance           text,
    new_in_version     boolean not null default false,
    position           integer not null,
    unique (catalog_version_id, ref)
);

create index requirement_by_section on requirement (catalog_version_id, section_ref);

create table requirement_attribute (
    requirement_id uuid not null references requirement (id) on delete cascade,
    name           text not null,
    value          text not null,
    primary key (requirement_id, name, value)
);

-- A mapping row relates a requirement of one catalogue version to a requirement of another.
-- target_version_id is null when the target framework is not a catalogue in GapLens: the
-- framework's name is then kept as a label in target_framework.
create table requirement_mapping (
    id                uuid primary key,
    tenant_id         text,
    source_version_id uuid not null references catalog_version (id) on delete cascade,
    source_ref        text not null,
    target_version_id uuid references catalog_version (id) on delete cascade,
    target_framework  text not null,
    target_ref        text not null,
    relationship      text not null check (relationship in
                          ('equivalent-to', 'subset-of', 'superset-of', 'intersects-with')),
    created_at        timestamptz not null
);

create index requirement_mapping_source on requirement_mapping (source_version_id, source_ref);
create index requirement_mapping_target on requirement_mapping (target_version_id, target_ref);

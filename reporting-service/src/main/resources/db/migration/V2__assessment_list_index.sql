-- The assessment list is paged, most recently changed first. This index serves both the order
-- and the tenant's count, so a page stays cheap when a tenant has thousands of assessments.
create index assessment_report_recent on assessment_report (tenant_id, latest_event_at desc, assessment_id);

package io.gaplens.reporting.api;

import java.util.UUID;

/**
 * A small hand-computed assessment, fed through Kafka. Target maturity 3, eight requirements:
 * <pre>
 * 4.1    clause 4  IMPLEMENTED 4            compliant
 * 4.2    clause 4  PARTIALLY_IMPLEMENTED 2  gap, risk MEDIUM (L2 x I3, residual L1 x I3 LOW), action 2
 * 5.2    clause 5  IMPLEMENTED 2            gap (below target), no risk, action 2
 * A.5.1  A.5       IMPLEMENTED 3            compliant, evidence
 * A.5.15 A.5       NOT_IMPLEMENTED          gap, risk HIGH (L4 x I4, residual L2 x I4 MEDIUM), action 1
 * A.6.3  A.6       NOT_APPLICABLE           excluded
 * A.7.4  A.7       not answered             NOT_ASSESSED
 * A.8.5  A.8       IMPLEMENTED 5            compliant
 * </pre>
 * Overall 3 of 6 compliant = 50.0 %; clause 4 50.0, clause 5 0.0; A.5 50.0, A.6 and A.7 none,
 * A.8 100.0; progress 7 of 8 = 87.5 %. Action 1 (phase 1, due 2026-12-31) is overdue; action 2
 * (phase 2) is completed. The risk events are sent before the answers on purpose.
 */
final class Scenario {

    /** Events the baseline assessment sends: 1 start, 7 recorded answers, 3 gaps, 3 risk ratings (one re-rated), 2 plans, 1 completion, 1 overdue notice. */
    static final int EVENT_COUNT = 18;

    final String tenant;
    final UUID assessmentId = UUID.randomUUID();
    final UUID riskHigh = UUID.randomUUID();
    final UUID riskMedium = UUID.randomUUID();
    final UUID action1 = UUID.randomUUID();
    final UUID action2 = UUID.randomUUID();

    Scenario(String tenant) {
        this.tenant = tenant;
    }

    static Scenario fed(String tenant) {
        Scenario scenario = new Scenario(tenant);
        scenario.feed();
        EventFeed.awaitEventCount(tenant, scenario.assessmentId, EVENT_COUNT);
        return scenario;
    }

    void feed() {
        // An earlier rating of the HIGH risk, overwritten by the later one.
        risk(riskHigh, "A.5.15", "Access control", "A.5", 2, 2, 4, "LOW", null, null, null, "2026-11-01T09:00:00Z");
        risk(riskHigh, "A.5.15", "Access control", "A.5", 4, 4, 16, "HIGH", 2, 4, "MEDIUM", "2026-11-02T09:00:00Z");
        risk(riskMedium, "4.2", "Interested parties", "4", 2, 3, 6, "MEDIUM", 1, 3, "LOW", "2026-11-02T09:05:00Z");

        send("AssessmentStarted", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","name":"ISMS baseline 2026","catalogId":"iso-iec-27001",
                 "catalogVersion":"2022","targetMaturity":3,"baselineAssessmentId":null,"assessableCount":8,
                 "scopeCriticality":"HIGH","startedAt":"2026-11-01T08:00:00Z","requirements":[
                  {"ref":"4.1","title":"Understanding the organization and its context","kind":"CLAUSE","group":"4","excludable":false},
                  {"ref":"4.2","title":"Interested parties","kind":"CLAUSE","group":"4","excludable":false},
                  {"ref":"5.2","title":"Policy","kind":"CLAUSE","group":"5","excludable":false},
                  {"ref":"A.5.1","title":"Policies for information security","kind":"CONTROL","group":"A.5","excludable":true},
                  {"ref":"A.5.15","title":"Access control","kind":"CONTROL","group":"A.5","excludable":true},
                  {"ref":"A.6.3","title":"Information security awareness, education and training","kind":"CONTROL","group":"A.6","excludable":true},
                  {"ref":"A.7.4","title":"Physical security monitoring","kind":"CONTROL","group":"A.7","excludable":true},
                  {"ref":"A.8.5","title":"Secure authentication","kind":"CONTROL","group":"A.8","excludable":true}]}
                """.formatted(tenant, assessmentId));

        answer("4.1", "Understanding the organization and its context", "CLAUSE", "4", "IMPLEMENTED", 4, false,
                null, "[]", "[]", "2026-11-01T10:00:00Z");
        answer("4.2", "Interested parties", "CLAUSE", "4", "PARTIALLY_IMPLEMENTED", 2, true,
                null, "[]", "[]", "2026-11-01T10:01:00Z");
        gap("4.2", "Interested parties", "CLAUSE", "4", "PARTIALLY_IMPLEMENTED", 2, "2026-11-01T10:01:00Z");
        answer("5.2", "Policy", "CLAUSE", "5", "IMPLEMENTED", 2, true, null, "[]", "[]", "2026-11-01T10:02:00Z");
        gap("5.2", "Policy", "CLAUSE", "5", "IMPLEMENTED", 2, "2026-11-01T10:02:00Z");
        answer("A.5.1", "Policies for information security", "CONTROL", "A.5", "IMPLEMENTED", 3, false,
                "\"-Approved by the board\"", "[\"RISK_ASSESSMENT\",\"LEGAL\"]",
                """
                [{"title":"=HYPERLINK(\\"http://127.0.0.1/x\\",\\"Policy\\")","reference":"DOC-001","owner":"ciso","collectedOn":"2026-10-30"},
                 {"title":"Board minutes","reference":null,"owner":null,"collectedOn":null}]""",
                "2026-11-01T10:03:00Z");
        answer("A.5.15", "Access control", "CONTROL", "A.5", "NOT_IMPLEMENTED", null, true,
                null, "[\"RISK_ASSESSMENT\"]", "[]", "2026-11-01T10:04:00Z");
        gap("A.5.15", "Access control", "CONTROL", "A.5", "NOT_IMPLEMENTED", null, "2026-11-01T10:04:00Z");
        answer("A.6.3", "Information security awareness, education and training", "CONTROL", "A.6", "NOT_APPLICABLE",
                null, false, "\"No staff of our own; the contractor trains its people\"", "[]", "[]",
                "2026-11-01T10:05:00Z");
        answer("A.8.5", "Secure authentication", "CONTROL", "A.8", "IMPLEMENTED", 5, false, null,
                "[\"BEST_PRACTICE\"]", "[]", "2026-11-01T10:06:00Z");

        send("RemediationPlanned", "remediation", """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["A.5.15"],
                 "title":"Introduce role-based access control","phase":1,"priority":1,"riskLevel":"HIGH",
                 "owner":"alice","dueDate":"2026-12-31","status":"PLANNED","plannedAt":"2026-11-03T09:00:00Z"}
                """.formatted(tenant, action1, assessmentId));
        send("RemediationPlanned", "remediation", """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["4.2","5.2"],
                 "title":"+Write the ISMS policy and stakeholder register","phase":2,"priority":2,"riskLevel":"MEDIUM",
                 "owner":"bob","dueDate":"2027-03-31","status":"IN_PROGRESS","plannedAt":"2026-11-03T09:10:00Z"}
                """.formatted(tenant, action2, assessmentId));
        send("RemediationCompleted", "remediation", """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["4.2","5.2"],
                 "completedBy":"bob","completedAt":"2026-11-20T16:00:00Z"}
                """.formatted(tenant, action2, assessmentId));
        send("RemediationOverdue", "remediation", """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["A.5.15"],
                 "owner":"alice","dueDate":"2026-12-31","detectedAt":"2027-01-01T00:05:00Z"}
                """.formatted(tenant, action1, assessmentId));
    }

    void risk(UUID riskId, String ref, String title, String group, int likelihood, int impact, int score, String level,
              Integer residualLikelihood, Integer residualImpact, String residualLevel, String assessedAt) {
        send("RiskAssessed", "risk", """
                {"tenantId":"%s","riskId":"%s","assessmentId":"%s","requirementRef":"%s","requirementTitle":"%s",
                 "group":"%s","likelihood":%d,"impact":%d,"score":%d,"level":"%s","residualLikelihood":%s,
                 "residualImpact":%s,"residualLevel":%s,"status":"OPEN","assessedAt":"%s"}
                """.formatted(tenant, riskId, assessmentId, ref, title, group, likelihood, impact, score, level,
                residualLikelihood, residualImpact, residualLevel == null ? "null" : "\"" + residualLevel + "\"",
                assessedAt));
    }

    void answer(String ref, String title, String kind, String group, String status, Integer maturity, boolean gap,
                String justificationJson, String inclusionReasonsJson, String evidenceJson, String answeredAt) {
        answer(assessmentId, ref, title, kind, group, status, maturity, gap, justificationJson, inclusionReasonsJson,
                evidenceJson, answeredAt);
    }

    void answer(UUID assessment, String ref, String title, String kind, String group, String status, Integer maturity,
                boolean gap, String justificationJson, String inclusionReasonsJson, String evidenceJson,
                String answeredAt) {
        send(assessment, "AnswerRecorded", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"%s","requirementTitle":"%s",
                 "requirementKind":"%s","group":"%s","status":"%s","maturity":%s,"targetMaturity":3,
                 "justification":%s,"inclusionReasons":%s,"evidence":%s,"notes":null,"gap":%s,
                 "carriedOver":false,"remediated":false,"answeredBy":"assessor@%s","answeredAt":"%s"}
                """.formatted(tenant, assessment, ref, title, kind, group, status, maturity,
                justificationJson == null ? "null" : justificationJson, inclusionReasonsJson, evidenceJson, gap,
                tenant, answeredAt));
    }

    void gap(String ref, String title, String kind, String group, String status, Integer maturity, String identifiedAt) {
        send("GapIdentified", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"%s","requirementTitle":"%s",
                 "requirementKind":"%s","group":"%s","catalogId":"iso-iec-27001","catalogVersion":"2022",
                 "status":"%s","maturity":%s,"targetMaturity":3,"scopeCriticality":"HIGH",
                 "securityProperties":["confidentiality"],"identifiedAt":"%s"}
                """.formatted(tenant, assessmentId, ref, title, kind, group, status, maturity, identifiedAt));
    }

    String send(String eventName, String domain, String payload) {
        return send(assessmentId, eventName, domain, payload);
    }

    String send(UUID assessment, String eventName, String domain, String payload) {
        return EventFeed.send(tenant, eventName, domain, assessment, payload);
    }
}

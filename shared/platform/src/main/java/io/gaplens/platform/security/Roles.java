package io.gaplens.platform.security;

/** The roles a GapLens token carries in its {@code groups} claim. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String ASSESSOR = "assessor";
    public static final String RISK_MANAGER = "risk-manager";
    public static final String REMEDIATION_OWNER = "remediation-owner";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}

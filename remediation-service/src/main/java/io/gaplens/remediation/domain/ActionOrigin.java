package io.gaplens.remediation.domain;

/** How an action came to be: planned from a rated risk, added by a user, or split off another action. */
public enum ActionOrigin {
    RISK, USER, SPLIT
}

package io.gaplens.risk.domain;

/** What a risk factor is: a threat (what could happen) or a vulnerability (a weakness it exploits). */
public enum FactorKind {
    THREAT,
    VULNERABILITY
}

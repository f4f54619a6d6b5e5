package io.cordee.core.relationship;

import java.util.Objects;

/** One domain of the strengths map: each side's strength 1–5 and who leads it. */
public record Strength(String domain, int agency, int client, Lead lead) {

    /** The domains every map proposes; agencies may add their own named ones. */
    public static final java.util.List<String> STANDARD_DOMAINS = java.util.List.of("STRATEGY", "CONTENT", "DESIGN",
            "TECH", "MARKETING", "DATA", "DECISIONS");

    public Strength {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(lead, "lead");
    }
}

package io.cordee.core.relationship;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Set or replace a client's strengths map (use case {@link RelationshipService#setStrengths(
 * io.cordee.core.identity.Caller, SetStrengthsMapCommand)}). Valid on its own (ADR 79): a client; at most
 * {@value #MAX_DOMAINS} domains, each named in 1 to {@value #DOMAIN_MAX_LENGTH} characters, once whatever its case,
 * each side's strength 1–5 and who leads it; at most {@value #MAX_EXPECTATIONS} expectations of 1 to
 * {@value #EXPECTATION_MAX_LENGTH} characters. Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field ({@code strengths[2].agency}). The constructor
 * normalises: a standard domain in capitals, a custom one stripped keeping its spelling, expectations stripped.
 *
 * @param expectedVersion the map's version read; null when the client has no map yet
 */
public record SetStrengthsMapCommand(ClientId clientId, Long expectedVersion, List<Strength> strengths,
                                     List<String> expectations) {

    public static final int DOMAIN_MAX_LENGTH = 50;
    public static final int EXPECTATION_MAX_LENGTH = 500;
    public static final int MAX_DOMAINS = 30;
    public static final int MAX_EXPECTATIONS = 30;

    public SetStrengthsMapCommand {
        Validator v = new Validator().required("clientId", clientId)
                .check(strengths == null || strengths.size() <= MAX_DOMAINS, "strengths",
                        "at most " + MAX_DOMAINS + " domains", ErrorCode.OUT_OF_RANGE)
                .check(expectations == null || expectations.size() <= MAX_EXPECTATIONS, "expectations",
                        "at most " + MAX_EXPECTATIONS + " items", ErrorCode.OUT_OF_RANGE);
        List<Strength> normalised = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Strength> given = strengths == null ? List.of() : strengths;
        for (int i = 0; i < given.size() && i < MAX_DOMAINS; i++) {
            Strength s = given.get(i);
            String field = "strengths[" + i + "]";
            if (s == null) {
                v.check(false, field, "is required", ErrorCode.REQUIRED);
                continue;
            }
            v.requiredText(field + ".domain", s.domain(), DOMAIN_MAX_LENGTH)
                    .range(field + ".agency", s.agency(), 1, 5)
                    .range(field + ".client", s.client(), 1, 5);
            if (s.domain() != null && !s.domain().isBlank()) {
                String domain = domain(s.domain());
                v.check(seen.add(domain.toUpperCase(Locale.ROOT)), field + ".domain", "appears twice",
                        ErrorCode.DUPLICATE);
                normalised.add(new Strength(domain, s.agency(), s.client(), s.lead()));
            }
        }
        List<String> items = expectations == null ? List.of() : expectations;
        for (int i = 0; i < items.size() && i < MAX_EXPECTATIONS; i++) {
            v.requiredText("expectations[" + i + "]", items.get(i), EXPECTATION_MAX_LENGTH);
        }
        v.throwIfInvalid();
        strengths = List.copyOf(normalised);
        expectations = items.stream().map(String::strip).toList();
    }

    private static String domain(String given) {
        String upper = given.strip().toUpperCase(Locale.ROOT);
        return Strength.STANDARD_DOMAINS.contains(upper) ? upper : given.strip();
    }
}

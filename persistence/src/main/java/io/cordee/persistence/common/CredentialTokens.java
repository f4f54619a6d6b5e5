package io.cordee.persistence.common;

/**
 * The one way to find a row by the hash of its token (ADR 71): the token names its agency through the global
 * {@code credential_token} lookup (kept by the triggers of V49), and the row is then read by its agency-first
 * key. A read that skipped the lookup would scan every agency's partition of the table.
 */
public final class CredentialTokens {

    private CredentialTokens() {
    }

    /**
     * The condition {@code <alias>agency_id = (the token's agency) AND <alias>token_hash = :<param>}.
     *
     * @param alias the table's alias with its dot ({@code "s."}), or empty
     * @param kind  the kind of token, as the trigger of its table writes it ({@code SESSION}, {@code API_TOKEN}…)
     * @param param the name of the parameter bound to the token's hash
     */
    public static String rowOf(String alias, String kind, String param) {
        return alias + "agency_id = (SELECT agency_id FROM credential_token WHERE kind = '" + kind
                + "' AND token_hash = :" + param + ") AND " + alias + "token_hash = :" + param;
    }
}

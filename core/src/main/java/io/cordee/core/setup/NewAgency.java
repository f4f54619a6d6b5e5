package io.cordee.core.setup;

/**
 * What a new agency starts with: its name, country (ISO 3166 alpha-2), currency (ISO 4217), time zone
 * (IANA), language ({@code en}/{@code fr}), and its first {@code OWNER}.
 */
public record NewAgency(String agencyName, String country, String currency, String timeZone, String language,
                        String ownerName, String email, String password) {
}

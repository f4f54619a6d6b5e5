package io.cordee.core.identity;

/** A token just created: its value, shown this once and stored nowhere, and what is stored. */
public record NewApiToken(String value, ApiToken token) {

    @Override
    public String toString() {
        return "NewApiToken[token=" + token + "]";
    }
}

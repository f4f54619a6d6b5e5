package io.cordee.core.proposal;

import java.util.Locale;

/** The languages a proposal letter is written in. */
public enum Language {
    FR(Locale.FRANCE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}

package io.cordee.core.search;

/** What a search hit is; the order is the tie-break of equal ranks (ADR 0068). */
public enum SearchKind {
    CLIENT, PROJECT, BRIEF, PERSON
}

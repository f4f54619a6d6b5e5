package io.cordee.core.search;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;

/**
 * A search as typed in the search box (the {@code search} query: use case {@link SearchService#search(
 * io.cordee.core.identity.Caller, SearchCommand)}). Valid on its own (ADR 79): a text that folds (see
 * {@link SearchText#fold}) to 1 to {@value SearchText#MAX_LENGTH} characters, and 1 to
 * {@value SearchService#MAX_FIRST} hits. Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput}
 * naming every broken field. The text is kept folded. What the caller may find stays with the service.
 */
public record SearchCommand(String text, int first) {

    public SearchCommand {
        text = SearchText.fold(text == null ? "" : text);
        new Validator()
                .check(!text.isEmpty(), "text", "Type something to search for", ErrorCode.REQUIRED)
                .check(text.length() <= SearchText.MAX_LENGTH, "text", "At most " + SearchText.MAX_LENGTH
                        + " characters", ErrorCode.TOO_LONG)
                .check(first >= 1 && first <= SearchService.MAX_FIRST, "first", "Between 1 and "
                        + SearchService.MAX_FIRST, ErrorCode.OUT_OF_RANGE)
                .throwIfInvalid();
    }

    /** The command with {@value SearchService#DEFAULT_FIRST} hits when {@code first} is not given. */
    public static SearchCommand of(String text, Integer first) {
        return new SearchCommand(text, first == null ? SearchService.DEFAULT_FIRST : first);
    }
}

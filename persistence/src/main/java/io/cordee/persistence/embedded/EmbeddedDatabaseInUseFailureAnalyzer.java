package io.cordee.persistence.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link EmbeddedDatabaseInUseException} into Spring Boot's "APPLICATION FAILED TO START" report. */
class EmbeddedDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInUseException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

package io.cordee.core.support;

import io.cordee.core.mail.Mailer;
import io.cordee.core.mail.OutgoingMail;
import reactor.core.publisher.Mono;

/** A {@link Mailer} with no SMTP server configured: a service must not send through it, and fails if it tries. */
public final class NoSmtp implements Mailer {

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public Mono<Void> send(OutgoingMail mail) {
        return Mono.error(new IllegalStateException("no SMTP"));
    }
}

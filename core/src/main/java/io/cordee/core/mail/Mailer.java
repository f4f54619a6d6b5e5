package io.cordee.core.mail;

import reactor.core.publisher.Mono;

/** Port: sends mail (SMTP in production, ADR 31). */
public interface Mailer {

    /** True when SMTP is configured: mails are sent. False: nothing can be sent, callers show links instead. */
    boolean configured();

    /** Sends {@code mail}; completes when the SMTP server accepted it, or errors. */
    Mono<Void> send(OutgoingMail mail);
}

package io.cordee.core.mail;

import reactor.core.publisher.Mono;

/**
 * The links of one SPA page that mails carry (an invitation's accept page, a password reset page): the instance's
 * public address ({@code cordee.public-url}, a trailing slash dropped), the page and a token; and the mailer
 * that sends them, or, without SMTP, does not (callers then show the link instead).
 */
public final class LinkMailer {

    private final Mailer mailer;
    private final String page;

    /** {@code page} as the SPA routes it, e.g. {@code /#/reset/}: the token follows it. */
    public LinkMailer(Mailer mailer, String publicUrl, String page) {
        this.mailer = mailer;
        this.page = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + page;
    }

    /** The link that opens the page with {@code token}. */
    public String link(String token) {
        return page + token;
    }

    /** True when SMTP is configured (ADR 31). */
    public boolean configured() {
        return mailer.configured();
    }

    public Mono<Void> send(OutgoingMail mail) {
        return mailer.send(mail);
    }
}

package io.cordee.api.mail;

import io.cordee.core.mail.Mailer;
import io.cordee.core.mail.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The mail adapter (ADR 31): Spring Boot's {@link JavaMailSender}, which exists only when {@code spring.mail.host}
 * is set. Without it the {@link Mailer} says it is not configured and sends nothing.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> sender, @Value("${cordee.mail.from}") String from) {
        JavaMailSender smtp = sender.getIfAvailable();
        return smtp == null ? new NoMail() : new SmtpMailer(smtp, from);
    }

    /** No SMTP: invitations show their link to the owner instead. */
    static final class NoMail implements Mailer {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public Mono<Void> send(OutgoingMail mail) {
            return Mono.error(new IllegalStateException("No SMTP server is configured (spring.mail.host)"));
        }
    }

    /** Plain text and HTML in one multipart/alternative message, UTF-8; the blocking send on boundedElastic. */
    static final class SmtpMailer implements Mailer {
        private final JavaMailSender smtp;
        private final String from;

        SmtpMailer(JavaMailSender smtp, String from) {
            this.smtp = smtp;
            this.from = from;
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public Mono<Void> send(OutgoingMail mail) {
            return Mono.<Void>fromRunnable(() -> {
                try {
                    MimeMessage message = smtp.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                    helper.setFrom(from);
                    helper.setTo(mail.to());
                    helper.setSubject(mail.subject());
                    helper.setText(mail.text(), mail.html());
                    smtp.send(message);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException("The mail to " + mail.to() + " could not be built", e);
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }
}

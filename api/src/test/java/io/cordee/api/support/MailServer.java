package io.cordee.api.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real SMTP server in the JVM (GreenMail), started once, and the application context that sends to it:
 * {@link ApiTest} with {@code spring.mail.host/port} pointed at it. Every class annotated {@link WithSmtp}
 * shares that one context (ADR 31).
 */
public final class MailServer {

    public static final GreenMail SMTP = start();

    private MailServer() {
    }

    private static GreenMail start() {
        // port 0: a free port chosen by the system, read back once started
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiTest
    @ContextConfiguration(initializers = Initializer.class)
    public @interface WithSmtp {
    }

    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("greenmail", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(SMTP.getSmtp().getPort()),
                    "cordee.mail.from", "Cordée <cordee@agency.example>")));
        }
    }

    /** The messages received for {@code address}, newest last. */
    public static MimeMessage[] to(String address) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    /**
     * The messages received for {@code address} once there are at least {@code count}: mail leaves after the
     * request that sends it has answered. 30 s is a safety net for a loaded machine, not a speed requirement
     * (ADR 89).
     */
    public static MimeMessage[] awaitMails(String address, int count) {
        return Awaitility.await("%d mail(s) to %s".formatted(count, address)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(() -> to(address), mails -> mails.length >= count);
    }

    /** The text parts of a message by their type (text/plain, text/html), walking nested multiparts. */
    public static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        collect(part, found);
        return found;
    }

    private static void collect(Part part, Map<String, String> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found);
            }
        } else if (part.isMimeType("text/plain")) {
            found.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            found.put("text/html", (String) part.getContent());
        }
    }
}

package io.cordee.api.config;

import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.alert.AlertService;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.ClientRepository;
import io.cordee.core.digest.DigestRepository;
import io.cordee.core.digest.DigestService;
import io.cordee.core.mail.Mailer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weekly digest's service (ADR 40): its day and hour in each agency's time zone come from configuration. */
@Configuration(proxyBeanMethods = false)
public class DigestConfiguration {

    @Bean
    DigestService digestService(DigestRepository digests, AgencyRepository agencies, AlertService alerts,
                                CashService cash, ClientRepository clients, Mailer mailer, Clock clock,
                                @Value("${cordee.digest.day:MONDAY}") String day,
                                @Value("${cordee.digest.hour:8}") int hour,
                                @Value("${cordee.public-url}") String publicUrl) {
        return new DigestService(digests, agencies, alerts, cash, clients, mailer, clock,
                DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)), hour, publicUrl);
    }
}

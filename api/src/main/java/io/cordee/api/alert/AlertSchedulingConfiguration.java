package io.cordee.api.alert;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the daily alert evaluation ({@link DailyAlertEvaluation}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AlertSchedulingConfiguration {
}

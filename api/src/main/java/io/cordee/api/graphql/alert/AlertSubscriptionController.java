package io.cordee.api.graphql.alert;

import io.cordee.api.alert.AlertNotifications;
import io.cordee.api.graphql.common.Callers;
import io.cordee.core.alert.AlertChange;
import io.cordee.core.alert.AlertKind;
import io.cordee.core.alert.AlertService;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

/**
 * {@code alertChanged}: the changes every instance hears on PostgreSQL's channel ({@link AlertNotifications}),
 * filtered to the caller's agency and the kinds their role sees. CLIENT users are refused with FORBIDDEN.
 */
@Controller
public class AlertSubscriptionController {

    /** GraphQL {@code AlertChange}. */
    public record AlertChangeEvent(AlertChange.Type type, AlertController.Alert alert) {
    }

    static final Set<AlertChange.Type> DELIVERED = EnumSet.of(AlertChange.Type.OPENED, AlertChange.Type.WORSENED,
            AlertChange.Type.SNOOZE_ENDED, AlertChange.Type.RESOLVED, AlertChange.Type.ACKNOWLEDGED,
            AlertChange.Type.SNOOZED);
    /** Changes kept for a subscriber that reads slower than they come; the oldest go first. */
    static final int BUFFER = 1_000;

    private final AlertNotifications notifications;

    public AlertSubscriptionController(AlertNotifications notifications) {
        this.notifications = notifications;
    }

    @SubscriptionMapping
    public Flux<AlertChangeEvent> alertChanged() {
        return Callers.current().flatMapMany(caller -> {
            Set<AlertKind> kinds = AlertService.visibleKinds(caller, "follow alerts");
            return notifications.changes(caller.agencyId())
                    .filter(c -> DELIVERED.contains(c.type()) && kinds.contains(c.alert().alert().kind()))
                    .onBackpressureBuffer(BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
        }).map(c -> new AlertChangeEvent(c.type(), new AlertController.Alert(c.alert())));
    }
}

package io.cordee.persistence.agency;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.mail.Letterhead;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** An agency's name and language as its mails carry them, for the adapters of the ports that send one. */
public final class Letterheads {

    private Letterheads() {
    }

    public static Mono<Letterhead> read(DatabaseClient db, AgencyId agencyId) {
        return db.sql("SELECT name, language FROM agency WHERE agency_id = :agencyId")
                .bind("agencyId", agencyId.value())
                .map(row -> new Letterhead(row.get("name", String.class), row.get("language", String.class)))
                .one();
    }
}

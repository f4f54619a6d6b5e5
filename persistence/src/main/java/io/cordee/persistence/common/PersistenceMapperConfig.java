package io.cordee.persistence.common;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.client.ClientId;
import io.cordee.core.identity.UserId;
import io.cordee.core.project.ProjectId;
import io.cordee.core.staffing.AllocationId;
import io.cordee.core.staffing.TeamMemberId;
import io.cordee.core.money.Money;
import java.util.Currency;
import java.util.UUID;
import org.mapstruct.InjectionStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Shared by every row mapper: Spring beans, constructor injection, and a forgotten field fails the build. */
@MapperConfig(componentModel = MappingConstants.ComponentModel.SPRING,
        injectionStrategy = InjectionStrategy.CONSTRUCTOR,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        uses = PersistenceMapperConfig.Common.class)
public interface PersistenceMapperConfig {

    /** Conversions every mapper needs: typed ids to and from UUID columns, money from its two columns. */
    final class Common {

        public static AgencyId agencyId(UUID value) {
            return value == null ? null : new AgencyId(value);
        }

        public static UUID uuid(AgencyId id) {
            return id == null ? null : id.value();
        }

        public static ClientId clientId(UUID value) {
            return value == null ? null : new ClientId(value);
        }

        public static UUID uuid(ClientId id) {
            return id == null ? null : id.value();
        }

        public static ProjectId projectId(UUID value) {
            return value == null ? null : new ProjectId(value);
        }

        public static UUID uuid(ProjectId id) {
            return id == null ? null : id.value();
        }

        public static TeamMemberId teamMemberId(UUID value) {
            return value == null ? null : new TeamMemberId(value);
        }

        public static UUID uuid(TeamMemberId id) {
            return id == null ? null : id.value();
        }

        public static AllocationId allocationId(UUID value) {
            return value == null ? null : new AllocationId(value);
        }

        public static UUID uuid(AllocationId id) {
            return id == null ? null : id.value();
        }

        public static InvoiceId invoiceId(UUID value) {
            return value == null ? null : new InvoiceId(value);
        }

        public static UUID uuid(InvoiceId id) {
            return id == null ? null : id.value();
        }

        public static UserId userId(UUID value) {
            return value == null ? null : new UserId(value);
        }

        public static UUID uuid(UserId id) {
            return id == null ? null : id.value();
        }

        public static Money money(long minorUnits, String currency) {
            return new Money(minorUnits, Currency.getInstance(currency.trim()));
        }
    }
}

package io.cordee.persistence.common;

import io.cordee.core.agency.AgencyId;
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

    /** Conversions every mapper needs. */
    final class Common {

        public static AgencyId agencyId(UUID value) {
            return value == null ? null : new AgencyId(value);
        }

        public static UUID uuid(AgencyId id) {
            return id == null ? null : id.value();
        }

        public static Money money(long minorUnits, String currency) {
            return new Money(minorUnits, Currency.getInstance(currency.trim()));
        }
    }
}

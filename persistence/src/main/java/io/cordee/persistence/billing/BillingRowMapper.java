package io.cordee.persistence.billing;

import io.cordee.core.billing.Invoice;
import io.cordee.persistence.common.PersistenceMapperConfig;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(config = PersistenceMapperConfig.class)
public interface BillingRowMapper {

    @Mapping(target = "amount",
            expression = "java(PersistenceMapperConfig.Common.money(row.amountMinor(), row.currency()))")
    @Mapping(target = "paid", expression = "java(PersistenceMapperConfig.Common.money(row.paidMinor(), row.currency()))")
    Invoice toDomain(InvoiceRow row);

    @Mapping(target = "currency", source = "amount.currency.currencyCode")
    @Mapping(target = "amountMinor", source = "amount.minorUnits")
    @Mapping(target = "paidMinor", source = "paid.minorUnits")
    InvoiceRow toRow(Invoice invoice);
}

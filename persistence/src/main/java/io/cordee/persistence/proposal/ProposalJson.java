package io.cordee.persistence.proposal;

import io.cordee.core.client.ClientId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.proposal.OptionEffect;
import io.cordee.core.proposal.ProposalFacts;
import io.cordee.core.proposal.ProposalOption;
import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sent proposal's facts and options are one document each, stored whole as jsonb. The JSON shapes
 * below are the stored format: plain strings and numbers (money as minor units and currency, dates as
 * ISO strings, shares as exact decimal strings), so they read back the same whatever the domain records
 * become.
 */
@Component
public class ProposalJson {

    record MoneyJson(long minor, String currency) {
        static MoneyJson of(Money m) {
            return m == null ? null : new MoneyJson(m.minorUnits(), m.currency().getCurrencyCode());
        }

        Money toMoney() {
            return Money.of(minor, currency);
        }
    }

    record MonthShareJson(String month, String share) {
    }

    record ProjectCashJson(UUID projectId, String projectName, String startDate, Long days) {
    }

    record FactsJson(UUID clientId, String clientName, String asOf, int horizonWeeks, int paymentTermsDays,
                     List<MonthShareJson> capacity, int capacityWarningPercent, List<String> heavyMonths,
                     MoneyJson peakExposure, String peakWeek, int weeksAboveZero, List<ProjectCashJson> timeToFirstCash,
                     int expectedDelayDays, int p90DelayDays, int basedOnInvoices) {
    }

    record OptionJson(Integer depositPercent, boolean monthlyInArrears, Integer paymentTermsDays,
                      MoneyJson basePeakExposure, MoneyJson optionPeakExposure, MoneyJson baseLowestBalance,
                      MoneyJson optionLowestBalance) {
    }

    private static final TypeReference<List<OptionJson>> OPTIONS = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();

    public Json toJson(ProposalFacts f) {
        return Json.of(json.writeValueAsString(new FactsJson(f.clientId().value(), f.clientName(), f.asOf().toString(),
                f.horizonWeeks(), f.paymentTermsDays(),
                f.capacity().stream().map(s -> new MonthShareJson(s.month().toString(), s.share().toPlainString()))
                        .toList(),
                f.capacityWarningPercent(), f.heavyMonths().stream().map(YearMonth::toString).toList(),
                MoneyJson.of(f.peakExposure()), f.peakWeek() == null ? null : f.peakWeek().toString(),
                f.weeksAboveZero(),
                f.timeToFirstCash().stream().map(p -> new ProjectCashJson(p.projectId().value(), p.projectName(),
                        p.startDate().toString(), p.days())).toList(),
                f.expectedDelayDays(), f.p90DelayDays(), f.basedOnInvoices())));
    }

    public ProposalFacts toFacts(Json value) {
        FactsJson f = json.readValue(value.asString(), FactsJson.class);
        return new ProposalFacts(new ClientId(f.clientId()), f.clientName(), LocalDate.parse(f.asOf()),
                f.horizonWeeks(), f.paymentTermsDays(),
                f.capacity().stream().map(s -> new ProposalFacts.MonthShare(YearMonth.parse(s.month()),
                        new BigDecimal(s.share()))).toList(),
                f.capacityWarningPercent(), f.heavyMonths().stream().map(YearMonth::parse).toList(),
                f.peakExposure().toMoney(), f.peakWeek() == null ? null : LocalDate.parse(f.peakWeek()),
                f.weeksAboveZero(),
                f.timeToFirstCash().stream().map(p -> new ProposalFacts.ProjectCash(new ProjectId(p.projectId()),
                        p.projectName(), LocalDate.parse(p.startDate()), p.days())).toList(),
                f.expectedDelayDays(), f.p90DelayDays(), f.basedOnInvoices());
    }

    public Json toJson(List<OptionEffect> options) {
        return Json.of(json.writeValueAsString(options.stream().map(o -> new OptionJson(o.option().depositPercent(),
                o.option().monthlyInArrears(), o.option().paymentTermsDays(), MoneyJson.of(o.basePeakExposure()),
                MoneyJson.of(o.optionPeakExposure()), MoneyJson.of(o.baseLowestBalance()),
                MoneyJson.of(o.optionLowestBalance()))).toList()));
    }

    public List<OptionEffect> toOptions(Json value) {
        return json.readValue(value.asString(), OPTIONS).stream()
                .map(o -> new OptionEffect(new ProposalOption(o.depositPercent(), o.monthlyInArrears(),
                        o.paymentTermsDays()), o.basePeakExposure().toMoney(), o.optionPeakExposure().toMoney(),
                        o.baseLowestBalance().toMoney(), o.optionLowestBalance().toMoney()))
                .toList();
    }
}

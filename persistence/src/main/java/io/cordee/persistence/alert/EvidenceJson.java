package io.cordee.persistence.alert;

import io.cordee.core.alert.Evidence;
import io.cordee.core.money.Money;
import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An alert's evidence as one jsonb array, in its order: {@code {"name", "type", "value"}} with numbers
 * written as strings so that their scale survives ({@code "0.520000"} stays six decimals; a JSON number
 * would not), and amounts as minor units with their currency.
 */
@Component
public class EvidenceJson {

    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();

    public Json toJson(Evidence evidence) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Evidence.Item item : evidence.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", item.name());
            Evidence.Value v = item.value();
            if (v instanceof Evidence.Figure f) {
                m.put("type", "FIGURE");
                m.put("value", f.value().toPlainString());
            } else if (v instanceof Evidence.Day d) {
                m.put("type", "DAY");
                m.put("value", d.value().toString());
            } else if (v instanceof Evidence.Month mo) {
                m.put("type", "MONTH");
                m.put("value", mo.value().toString());
            } else if (v instanceof Evidence.Amount a) {
                m.put("type", "AMOUNT");
                m.put("value", Long.toString(a.value().minorUnits()));
                m.put("currency", a.value().currency().getCurrencyCode());
            } else if (v instanceof Evidence.Label l) {
                m.put("type", "LABEL");
                m.put("value", l.value());
            }
            items.add(m);
        }
        return Json.of(json.writeValueAsString(items));
    }

    public Evidence toEvidence(Json value) {
        if (value == null) {
            return Evidence.empty();
        }
        Evidence evidence = Evidence.empty();
        for (Map<String, Object> m : json.readValue(value.asString(), ITEMS)) {
            String name = (String) m.get("name");
            String v = (String) m.get("value");
            evidence = switch ((String) m.get("type")) {
                case "FIGURE" -> evidence.with(name, new BigDecimal(v));
                case "DAY" -> evidence.with(name, LocalDate.parse(v));
                case "MONTH" -> evidence.with(name, YearMonth.parse(v));
                case "AMOUNT" -> evidence.with(name, Money.of(Long.parseLong(v), (String) m.get("currency")));
                default -> evidence.with(name, v);
            };
        }
        return evidence;
    }
}

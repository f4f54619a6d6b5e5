package io.cordee.core.alert;

import io.cordee.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts that made a rule fire: named numbers, dates, months, amounts and labels, in the order the
 * rule adds them (stable, so a stored alert and a new finding compare equal when nothing changed).
 * Immutable: each {@code with…} returns a new value. A name appears once.
 */
public record Evidence(List<Item> items) {

    public Evidence {
        items = List.copyOf(items);
        if (items.stream().map(Item::name).distinct().count() != items.size()) {
            throw new IllegalArgumentException("evidence names must be unique: " + items);
        }
    }

    public static Evidence empty() {
        return new Evidence(List.of());
    }

    /** A number; its scale is kept (0.520000 and 0.52 are different evidence). */
    public Evidence with(String name, BigDecimal number) {
        return add(name, new Figure(number));
    }

    public Evidence with(String name, long number) {
        return add(name, new Figure(BigDecimal.valueOf(number)));
    }

    public Evidence with(String name, LocalDate date) {
        return add(name, new Day(date));
    }

    public Evidence with(String name, YearMonth month) {
        return add(name, new Month(month));
    }

    public Evidence with(String name, Money amount) {
        return add(name, new Amount(amount));
    }

    public Evidence with(String name, String label) {
        return add(name, new Label(label));
    }

    public List<String> names() {
        return items.stream().map(Item::name).toList();
    }

    public Optional<Value> get(String name) {
        return items.stream().filter(i -> i.name().equals(name)).map(Item::value).findFirst();
    }

    public BigDecimal figure(String name) {
        return ((Figure) require(name)).value();
    }

    public LocalDate day(String name) {
        return ((Day) require(name)).value();
    }

    public YearMonth month(String name) {
        return ((Month) require(name)).value();
    }

    public Money amount(String name) {
        return ((Amount) require(name)).value();
    }

    public String label(String name) {
        return ((Label) require(name)).value();
    }

    private Value require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("no evidence named " + name));
    }

    private Evidence add(String name, Value value) {
        List<Item> more = new ArrayList<>(items);
        more.add(new Item(name, value));
        return new Evidence(more);
    }

    public record Item(String name, Value value) {
        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public sealed interface Value permits Figure, Day, Month, Amount, Label {
    }

    public record Figure(BigDecimal value) implements Value {
        public Figure {
            Objects.requireNonNull(value, "value");
        }
    }

    public record Day(LocalDate value) implements Value {
        public Day {
            Objects.requireNonNull(value, "value");
        }
    }

    public record Month(YearMonth value) implements Value {
        public Month {
            Objects.requireNonNull(value, "value");
        }
    }

    public record Amount(Money value) implements Value {
        public Amount {
            Objects.requireNonNull(value, "value");
        }
    }

    public record Label(String value) implements Value {
        public Label {
            Objects.requireNonNull(value, "value");
        }
    }
}

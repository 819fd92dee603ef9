package io.duckforge.aggregate;

import io.duckforge.schema.PropertyType;

/**
 * One figure per group.
 *
 * @param field    null for {@code count} of rows
 * @param type     the field's type; null without a field
 * @param quantile the {@code q} of {@code quantile}, in [0, 1]; null otherwise
 * @param name     the figure's name in each group: {@code as}, else {@code <fn>_<field>}, else {@code count}
 */
public record Metric(MetricFunction function, String field, PropertyType type, Double quantile, String name) {
}

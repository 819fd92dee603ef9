package io.duckforge.aggregate;

import io.duckforge.schema.PropertyType;

/**
 * What groups are formed by: a property's value, or the start of the calendar period a date or date-time falls in.
 *
 * @param bucket null for the plain value
 */
public record GroupKey(String field, PropertyType type, TimeBucket bucket) {

    /** The key's name in each group: the property, or {@code <property>_<bucket>}. */
    public String name() {
        return bucket == null ? field : field + "_" + bucket.wireName();
    }
}

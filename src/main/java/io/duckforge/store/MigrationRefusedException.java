package io.duckforge.store;

import java.util.List;
import java.util.Map;

/**
 * Stored values rule a change out (values that do not convert, nulls, duplicates); answered 409 with the number of
 * offending records and a few examples. Nothing was changed.
 *
 * @param field the change that was refused, e.g. {@code changes[1]}
 */
public class MigrationRefusedException extends RuntimeException {

    private final String field;
    private final long records;
    private final List<Map<String, Object>> examples;

    public MigrationRefusedException(String field, String message, long records, List<Map<String, Object>> examples) {
        super(message);
        this.field = field;
        this.records = records;
        this.examples = List.copyOf(examples);
    }

    public String field() {
        return field;
    }

    public long records() {
        return records;
    }

    public List<Map<String, Object>> examples() {
        return examples;
    }
}

package io.duckforge.query;

import java.util.ArrayList;
import java.util.List;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/**
 * The condition that keeps only the records after a given one in the order of {@link RecordSqlBuilder#orderKeys}: how
 * a cursor page and a resumed stream start where the last left off, at a cost that does not grow with the depth.
 */
final class KeysetSql {

    private KeysetSql() {
    }

    /**
     * Appends the condition, its values bound in step. Nulls sort last in either direction, so for keys k1..kn some key
     * ki lies beyond its value (or is null where the value is not) while every key before it equals its own.
     */
    static void appendAfter(StringBuilder sql, List<SortField> keys, List<Object> values, List<Object> parameters) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) == null) {
                continue; // nothing lies beyond a null, which sorts last
            }
            StringBuilder alternative = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                String column = quoted(keys.get(j).field());
                if (values.get(j) == null) {
                    alternative.append(column).append(" IS NULL AND ");
                } else {
                    alternative.append(column).append(" = ? AND ");
                    parameters.add(values.get(j));
                }
            }
            String column = quoted(keys.get(i).field());
            alternative.append("(").append(column).append(keys.get(i).descending() ? " < ?" : " > ?")
                    .append(" OR ").append(column).append(" IS NULL))");
            parameters.add(values.get(i));
            alternatives.add(alternative.toString());
        }
        sql.append(alternatives.isEmpty() ? "false" : "(" + String.join(" OR ", alternatives) + ")");
    }
}

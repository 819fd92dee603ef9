package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SystemColumn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/**
 * The statements behind a page: its records, and unless the caller waived it, the number of records the filters match.
 * The store runs both in one transaction, so that the total comes from the same snapshot as the records. (A window,
 * {@code count(*) OVER ()}, would need one statement only, but it materialises every match: 256 ms against 8 ms for an
 * unfiltered page of 1M rows.)
 *
 * <p>DuckDB reads through an ART index only for a scan whose sole filter is an equality (or {@code IN}) on the indexed
 * column; a second filter, or the late materialisation it plans for {@code ORDER BY ... LIMIT}, turns the scan
 * sequential. So an {@code eq} or {@code in} filter on an indexed or unique property (or {@code id}) is evaluated
 * alone, in a materialised CTE, and the other filters, the order and the limit apply to the few rows it finds
 * (decision 0021).
 */
public final class PageSql {

    /** The order keys, {@code duckforge key 0} and on, selected for the cursor to the next page: names with a space, which no property can have. */
    public static final String KEY_COLUMN = "duckforge key ";
    private static final String MATCHING = "matching";
    static final int IN_LOOKUP_BRANCHES = 32;

    private PageSql() {
    }

    /**
     * Whether an {@code eq} or {@code in} filter can use an ART index: then the page is read in two steps, the ids of
     * its records through the index ({@link #select}), then those records by id ({@link #selectByIds}).
     */
    public static boolean looksUp(DatasetSchema schema, List<Filter> filters) {
        return indexedLookup(schema, filters).isPresent();
    }

    /**
     * The page's records with their order keys, and one record more, whose presence says whether another page follows.
     * For a page that {@link #looksUp}, only the records' ids (the first column) with their order keys: a lookup
     * fetches each match row by row, and whole rows cost twenty times what the id and the keys do (13.4 ms against
     * 0.7 ms for 120 matches in 10M rows), so only the page's own records are fetched whole, afterwards.
     */
    public static SqlQuery select(DatasetSchema schema, RecordQuery query) {
        List<Object> parameters = new ArrayList<>();
        List<SortField> keys = RecordSqlBuilder.orderKeys(query.sort());
        Optional<Filter> lookup = indexedLookup(schema, query.filters());
        List<String> columns = lookup.isPresent() ? List.of(SystemColumn.ID.columnName())
                : RecordSqlBuilder.selectedColumns(schema, query.fields());
        String selectList = RecordSqlBuilder.columnList(columns) + ", " + keyColumns(keys);
        Set<String> needed = new LinkedHashSet<>();
        needed.add(SystemColumn.ID.columnName());
        keys.forEach(key -> needed.add(key.field()));
        StringBuilder sql = matching(schema, lookup, query.filters(), needed, selectList, parameters,
                query.after() == null ? null : (where, values) -> KeysetSql.appendAfter(where, keys, query.after(), values));
        RecordSqlBuilder.appendOrderBy(sql, query.sort());
        // One record past the page tells whether another page follows, with or without a count or a cursor.
        sql.append(" LIMIT ? OFFSET ?");
        parameters.add(query.size() + 1);
        parameters.add(query.offset());
        return new SqlQuery(sql.toString(), parameters);
    }

    /**
     * The records with the ids, bound as {@code ids} parameters, in no order: an {@code IN} list DuckDB looks up in
     * the primary key. Callers round {@code ids} up (repeating an id) so that a few statements serve every page size.
     */
    public static String selectByIds(DatasetSchema schema, List<String> fields, int ids) {
        return "SELECT " + RecordSqlBuilder.columnList(RecordSqlBuilder.selectedColumns(schema, fields)) + " FROM " + quoted(schema.name()) + " WHERE "
                + quoted(SystemColumn.ID.columnName()) + " IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }

    /** The order keys of the record with the id (bound as the one parameter), as a cursor made at that record carries them. */
    public static String orderKeysById(DatasetSchema schema, List<SortField> sort) {
        return "SELECT " + keyColumns(RecordSqlBuilder.orderKeys(sort)) + " FROM " + quoted(schema.name())
                + " WHERE " + quoted(SystemColumn.ID.columnName()) + " = ?";
    }

    /** The order keys, as {@code "field" AS "duckforge key N"}. */
    private static String keyColumns(List<SortField> keys) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(quoted(keys.get(i).field()) + " AS " + quoted(KEY_COLUMN + i));
        }
        return String.join(", ", columns);
    }

    /** How many records match the filters, looked up as the page's records are. */
    public static SqlQuery count(DatasetSchema schema, List<Filter> filters) {
        List<Object> parameters = new ArrayList<>();
        return new SqlQuery(matching(schema, indexedLookup(schema, filters), filters, Set.of(), "count(*)", parameters, null)
                .toString(), parameters);
    }

    /** A further condition of a page, written after its filters, its values bound in step. */
    @FunctionalInterface
    private interface Condition {
        void appendTo(StringBuilder sql, List<Object> parameters);
    }

    /**
     * {@code SELECT <selectList> FROM} the records matching the filters. With a lookup, the filter that can use an
     * index is evaluated alone in a materialised CTE, which fetches the columns the rest of the statement reads
     * ({@code needed}, and those of the other filters); an equality without other filters and columns needs no CTE,
     * as it already stands alone.
     */
    private static StringBuilder matching(DatasetSchema schema, Optional<Filter> lookup, List<Filter> filters, Set<String> needed,
                                          String selectList, List<Object> parameters, Condition also) {
        List<Filter> rest = new ArrayList<>(filters);
        lookup.ifPresent(rest::remove);
        Set<String> fetched = new LinkedHashSet<>(needed);
        rest.forEach(filter -> fetched.add(filter.field()));
        boolean materialised = lookup.isPresent() && (!fetched.isEmpty() || lookup.get().operator() == FilterOperator.IN);
        StringBuilder sql = new StringBuilder();
        if (materialised) {
            sql.append("WITH ").append(quoted(MATCHING)).append(" AS MATERIALIZED (");
            appendLookup(sql, schema, lookup.get(), fetched.isEmpty() ? "1" : RecordSqlBuilder.columnList(fetched), parameters);
            sql.append(") ");
        }
        sql.append("SELECT ").append(selectList).append(" FROM ").append(quoted(materialised ? MATCHING : schema.name()));
        RecordSqlBuilder.appendWhere(sql, materialised ? rest : filters, parameters);
        if (also != null) {
            sql.append(filters.isEmpty() || (materialised && rest.isEmpty()) ? " WHERE " : " AND ");
            also.appendTo(sql, parameters);
        }
        return sql;
    }

    /**
     * The lookup's rows. An {@code in} of up to {@value #IN_LOOKUP_BRANCHES} values is looked up value by value, one
     * equality per branch of a {@code UNION ALL}: DuckDB turns an {@code IN} of consecutive integers into a range,
     * which no ART index serves (8.3 ms against 2.8 ms for five wells of 120 records in 10M rows).
     */
    private static void appendLookup(StringBuilder sql, DatasetSchema schema, Filter lookup, String columns, List<Object> parameters) {
        List<Object> values = List.copyOf(new LinkedHashSet<>(lookup.values()));
        if (lookup.operator() == FilterOperator.IN && values.size() <= IN_LOOKUP_BRANCHES) {
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(columns).append(" FROM ").append(quoted(schema.name()))
                        .append(" WHERE ").append(quoted(lookup.field())).append(" = ?");
                parameters.add(values.get(i));
            }
            return;
        }
        sql.append("SELECT ").append(columns).append(" FROM ").append(quoted(schema.name()));
        RecordSqlBuilder.appendWhere(sql, List.of(lookup), parameters);
    }

    /** The first {@code eq} or {@code in} filter on a column with an ART index: the primary key, or an indexed or unique property. */
    static Optional<Filter> indexedLookup(DatasetSchema schema, List<Filter> filters) {
        return filters.stream()
                .filter(filter -> filter.operator() == FilterOperator.EQ || filter.operator() == FilterOperator.IN)
                .filter(filter -> filter.field().equals(SystemColumn.ID.columnName()) || schema.property(filter.field())
                        .map(property -> property.indexed() || property.unique()).orElse(false))
                .findFirst();
    }
}

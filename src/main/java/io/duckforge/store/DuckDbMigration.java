package io.duckforge.store;

import io.duckforge.query.SqlQuery;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.PropertyValueConverter;
import io.duckforge.schema.SchemaChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.duckforge.query.RecordSqlBuilder.quoted;

/**
 * How a dataset's table follows a schema migration in DuckDB, planned before anything runs.
 *
 * <p>DuckDB cannot alter, retype, rename or drop a column of a table that has any index, nor build an index in a
 * transaction that updated rows (decision 0013). So a migration that touches existing columns <em>rebuilds</em> the
 * table: a new table of the target schema is filled with one {@code INSERT ... SELECT} whose expressions carry each
 * property from its source column (renamed, cast, defaulted), the old table is dropped, the new one renamed and its
 * indexes built, all in one transaction. Index changes and new nullable properties run <em>in place</em>.
 *
 * <p>Every check (values that do not convert, nulls, duplicates) is a query over the table as it is now, through the
 * same expressions, so a dry run can run them without changing anything.
 */
final class DuckDbMigration {

    static final String IN_PLACE = "in_place";
    static final String REBUILD = "rebuild";

    private static final int EXAMPLES = 5;
    /** Types whose values compare after a round trip, so a lossy cast (1.5 to 2, a time dropped) shows as unequal. */
    private static final Set<PropertyType> COMPARABLE = Set.of(PropertyType.INTEGER, PropertyType.NUMBER,
            PropertyType.BOOLEAN, PropertyType.DATE, PropertyType.DATETIME);

    private final DatasetSchema current;
    private final List<Check> checks;
    private final boolean rebuild;
    private final List<SqlQuery> statements;
    private final List<String> indexesBuilt;

    private DuckDbMigration(DatasetSchema current, List<Check> checks, boolean rebuild, List<SqlQuery> statements,
                            List<String> indexesBuilt) {
        this.current = current;
        this.checks = checks;
        this.rebuild = rebuild;
        this.statements = statements;
        this.indexesBuilt = indexesBuilt;
    }

    private enum Finding { NULLS, UNCONVERTIBLE, DUPLICATES }

    /**
     * A query over the current table that counts and shows the records ruling a change out.
     *
     * @param value     the property's value at that change, as an expression over the current columns
     * @param condition what offends (for duplicates: unused, the value's groups are counted)
     */
    private record Check(String field, Finding finding, SqlQuery value, SqlQuery condition, String message) {
    }

    static DuckDbMigration plan(DatasetSchema current, List<SchemaChange> changes, DatasetSchema target) {
        // Each target property's value as an expression over the current table's columns.
        Map<String, SqlQuery> sources = new LinkedHashMap<>();
        Map<String, PropertyType> types = new LinkedHashMap<>();
        for (PropertyDefinition property : current.properties()) {
            sources.put(property.name(), new SqlQuery(quoted(property.name()), List.of()));
            types.put(property.name(), property.type());
        }
        List<Check> checks = new ArrayList<>();
        List<String> addedInPlace = new ArrayList<>();
        boolean rebuild = false;
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange change = changes.get(i);
            String field = "changes[" + i + "]";
            String name = change.subject();
            SqlQuery source = sources.get(name);
            switch (change.op()) {
                case ADD_PROPERTY -> {
                    PropertyDefinition property = change.property();
                    String type = DuckDbTypes.columnType(property.type());
                    SqlQuery value = property.defaultValue() == null
                            ? new SqlQuery("CAST(NULL AS " + type + ")", List.of())
                            : new SqlQuery("CAST(? AS " + type + ")", List.of(PropertyValueConverter.convert(property.type(), property.defaultValue())));
                    sources.put(name, value);
                    types.put(name, property.type());
                    if (property.required()) {
                        checks.add(nullCheck(field, name, value, "; give the new property a default"));
                    }
                    if (property.unique()) {
                        checks.add(duplicateCheck(field, name, value));
                    }
                    if (property.defaultValue() != null || property.required()) {
                        rebuild = true;
                    } else {
                        addedInPlace.add(name);
                    }
                }
                case DROP_PROPERTY -> {
                    sources.remove(name);
                    types.remove(name);
                    rebuild = true;
                }
                case RENAME_PROPERTY -> {
                    sources.put(change.to(), sources.remove(name));
                    types.put(change.to(), types.remove(name));
                    rebuild = true;
                }
                case CHANGE_TYPE -> {
                    checks.add(castCheck(field, name, source, types.get(name), change.type()));
                    sources.put(name, new SqlQuery("CAST(" + source.sql() + " AS " + DuckDbTypes.columnType(change.type()) + ")", source.parameters()));
                    types.put(name, change.type());
                    rebuild = true;
                }
                case SET_REQUIRED -> {
                    checks.add(nullCheck(field, name, source, ""));
                    rebuild = true;
                }
                case UNSET_REQUIRED -> rebuild = true;
                case SET_UNIQUE -> checks.add(duplicateCheck(field, name, source));
                default -> {
                    // Index flags, defaults and descriptions change no stored value; the index diff below covers them.
                }
            }
        }
        Map<String, String> before = DuckDbTableDdl.indexes(current);
        Map<String, String> after = DuckDbTableDdl.indexes(target);
        List<SqlQuery> statements = new ArrayList<>();
        List<String> indexesBuilt = new ArrayList<>();
        if (rebuild) {
            String table = quoted(current.name());
            String staging = current.name() + ".rebuild";
            statements.add(new SqlQuery(DuckDbTableDdl.createTable(target, staging), List.of()));
            statements.add(copyInto(quoted(staging), table, target, sources));
            statements.add(new SqlQuery("DROP TABLE " + table, List.of()));
            statements.add(new SqlQuery("ALTER TABLE " + quoted(staging) + " RENAME TO " + table, List.of()));
            after.forEach((index, sql) -> {
                statements.add(new SqlQuery(sql, List.of()));
                indexesBuilt.add(index);
            });
        } else {
            for (String name : addedInPlace) {
                statements.add(new SqlQuery("ALTER TABLE " + quoted(current.name()) + " ADD COLUMN "
                        + DuckDbTableDdl.columnDefinition(target.property(name).orElseThrow()), List.of()));
            }
            before.keySet().stream().filter(index -> !after.containsKey(index))
                    .forEach(index -> statements.add(new SqlQuery("DROP INDEX " + quoted(index), List.of())));
            after.forEach((index, sql) -> {
                if (!before.containsKey(index)) {
                    statements.add(new SqlQuery(sql, List.of()));
                    indexesBuilt.add(index);
                }
            });
        }
        return new DuckDbMigration(current, checks, rebuild, statements, indexesBuilt);
    }

    private static SqlQuery copyInto(String staging, String table, DatasetSchema target, Map<String, SqlQuery> sources) {
        StringBuilder columns = new StringBuilder(DuckDbTableDdl.SYSTEM_COLUMNS);
        StringBuilder values = new StringBuilder(DuckDbTableDdl.SYSTEM_COLUMNS);
        List<Object> parameters = new ArrayList<>();
        for (PropertyDefinition property : target.properties()) {
            SqlQuery source = sources.get(property.name());
            columns.append(", ").append(quoted(property.name()));
            values.append(", ").append(source.sql());
            parameters.addAll(source.parameters());
        }
        return new SqlQuery("INSERT INTO " + staging + " (" + columns + ") SELECT " + values + " FROM " + table, parameters);
    }

    private static Check nullCheck(String field, String name, SqlQuery value, String advice) {
        SqlQuery condition = new SqlQuery("(" + value.sql() + ") IS NULL", value.parameters());
        return new Check(field, Finding.NULLS, value, condition, "%d records have no value for '" + name + "'" + advice);
    }

    private static Check castCheck(String field, String name, SqlQuery value, PropertyType from, PropertyType to) {
        String v = "(" + value.sql() + ")";
        String cast = "TRY_CAST(" + v + " AS " + DuckDbTypes.columnType(to) + ")";
        String condition = v + " IS NOT NULL AND (" + cast + " IS NULL";
        int uses = 3;
        if (COMPARABLE.contains(from) && COMPARABLE.contains(to)) {
            condition += " OR TRY_CAST(" + cast + " AS " + DuckDbTypes.columnType(from) + ") IS DISTINCT FROM " + v;
            uses += 2;
        }
        return new Check(field, Finding.UNCONVERTIBLE, value, new SqlQuery(condition + ")", repeat(value.parameters(), uses)),
                "%d records hold values of '" + name + "' that do not convert to " + to.wireName() + " without loss");
    }

    private static Check duplicateCheck(String field, String name, SqlQuery value) {
        return new Check(field, Finding.DUPLICATES, value, null, "%d values of '" + name + "' occur in more than one record");
    }

    private static List<Object> repeat(List<Object> parameters, int times) {
        List<Object> repeated = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            repeated.addAll(parameters);
        }
        return repeated;
    }

    boolean rebuild() {
        return rebuild;
    }

    List<SqlQuery> statements() {
        return statements;
    }

    List<String> indexesBuilt() {
        return indexesBuilt;
    }

    /**
     * Runs every check against the table as it is now.
     *
     * @return the number of records in the table
     * @throws MigrationRefusedException for the first check that finds offending records
     */
    long check(Connection connection) throws SQLException {
        String table = quoted(current.name());
        for (Check check : checks) {
            long count = single(connection, offending(check, table, new SqlQuery("count(*)", List.of()), ""));
            if (count > 0) {
                throw new MigrationRefusedException(check.field(), String.format(check.message(), count), count,
                        examples(connection, check, table));
            }
        }
        return single(connection, new SqlQuery("SELECT count(*) FROM " + table, List.of()));
    }

    /** The offending records (or duplicated values) of a check, as {@code select} over them. */
    private static SqlQuery offending(Check check, String table, SqlQuery select, String tail) {
        SqlQuery value = check.value();
        if (check.finding() == Finding.DUPLICATES) {
            String groups = "SELECT CAST(" + value.sql() + " AS VARCHAR) AS value, count(*) AS records FROM " + table
                    + " WHERE (" + value.sql() + ") IS NOT NULL GROUP BY 1 HAVING count(*) > 1";
            return new SqlQuery("SELECT " + select.sql() + " FROM (" + groups + ")" + tail, repeat(value.parameters(), 2));
        }
        List<Object> parameters = new ArrayList<>(select.parameters());
        parameters.addAll(check.condition().parameters());
        return new SqlQuery("SELECT " + select.sql() + " FROM " + table + " WHERE " + check.condition().sql() + tail, parameters);
    }

    private static List<Map<String, Object>> examples(Connection connection, Check check, String table) throws SQLException {
        String limit = " LIMIT " + EXAMPLES;
        SqlQuery query = switch (check.finding()) {
            case DUPLICATES -> offending(check, table, new SqlQuery("value, records", List.of()), " ORDER BY records DESC, value" + limit);
            case UNCONVERTIBLE -> offending(check, table, new SqlQuery("CAST(\"id\" AS VARCHAR) AS id, CAST("
                    + check.value().sql() + " AS VARCHAR) AS value", check.value().parameters()), " ORDER BY \"created_at\"" + limit);
            case NULLS -> offending(check, table, new SqlQuery("CAST(\"id\" AS VARCHAR) AS id", List.of()), " ORDER BY \"created_at\"" + limit);
        };
        List<Map<String, Object>> examples = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            DuckDbValues.bind(statement, query.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> example = new LinkedHashMap<>();
                    switch (check.finding()) {
                        case DUPLICATES -> {
                            example.put("value", rows.getString(1));
                            example.put("records", rows.getLong(2));
                        }
                        case UNCONVERTIBLE -> {
                            example.put("id", rows.getString(1));
                            example.put("value", rows.getString(2));
                        }
                        case NULLS -> example.put("id", rows.getString(1));
                    }
                    examples.add(example);
                }
            }
        }
        return examples;
    }

    /** Runs the planned statements on a connection inside the migration's transaction. */
    void execute(Connection connection) throws SQLException {
        for (SqlQuery statement : statements) {
            try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                DuckDbValues.bind(prepared, statement.parameters());
                prepared.execute();
            }
        }
    }

    private static long single(Connection connection, SqlQuery query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            DuckDbValues.bind(statement, query.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.duckforge.query.Filter;
import io.duckforge.query.PageSql;
import io.duckforge.query.RecordQuery;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.query.SortField;
import io.duckforge.query.SqlQuery;
import io.duckforge.schema.DatasetSchema;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a page of records and their total ({@link PageSql}) in one read transaction, so that both come from one
 * snapshot however other requests write meanwhile.
 */
@Singleton
class DuckDbPages {

    private final AgroalDataSource dataSource;
    private final PreparedStatementCache statements;

    DuckDbPages(AgroalDataSource dataSource, PreparedStatementCache statements) {
        this.dataSource = dataSource;
        this.statements = statements;
    }

    /** Runs inside the caller's gate pass and timer. */
    StoredPage read(DatasetSchema schema, RecordQuery query) throws SQLException {
        SqlQuery sql = PageSql.select(schema, query);
        boolean byIds = PageSql.looksUp(schema, query.filters());
        List<StoredRecord> records = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<List<Object>> keys = new ArrayList<>();
        int keyCount = RecordSqlBuilder.orderKeys(query.sort()).size();
        Long total = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                PreparedStatement statement = statements.prepare(connection, sql.sql());
                DuckDbValues.bind(statement, sql.parameters());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (byIds) {
                            ids.add((UUID) rows.getObject(1));
                        } else {
                            records.add(RecordRowReader.read(rows, schema, query.fields()));
                        }
                        keys.add(keys(rows, keyCount));
                    }
                }
                if (byIds) {
                    records = recordsByIds(connection, schema, query.fields(), ids.subList(0, Math.min(ids.size(), query.size())));
                }
                if (query.count()) {
                    total = count(connection, schema, query.filters());
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
        boolean more = keys.size() > query.size();
        List<StoredRecord> page = records.size() > query.size() ? records.subList(0, query.size()) : records;
        return new StoredPage(page, total, more, more ? keys.get(page.size() - 1) : null);
    }

    /**
     * The records with the ids, in the ids' order, looked up in the primary key. The list of ids is rounded up to a
     * power of two, repeating the last, so that at most eleven statements serve every page size up to 1,000.
     */
    private List<StoredRecord> recordsByIds(Connection connection, DatasetSchema schema, List<String> fields, List<UUID> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        int bound = ids.size() == 1 ? 1 : Integer.highestOneBit(ids.size() - 1) << 1;
        List<Object> parameters = new ArrayList<>(ids);
        while (parameters.size() < bound) {
            parameters.add(ids.get(ids.size() - 1));
        }
        PreparedStatement statement = statements.prepare(connection, PageSql.selectByIds(schema, fields, bound));
        DuckDbValues.bind(statement, parameters);
        Map<UUID, StoredRecord> found = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                StoredRecord record = RecordRowReader.read(rows, schema, fields);
                found.put(record.id(), record);
            }
        }
        return ids.stream().map(found::get).toList();
    }

    /** How many records match the filters, as {@code GET /records/{schema}/count} answers; runs inside the caller's gate pass. */
    long count(DatasetSchema schema, List<Filter> filters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, schema, filters);
        }
    }

    /** The order keys of the record with the id, or empty when there is none; runs inside the caller's gate pass. */
    Optional<List<Object>> orderKeysOf(DatasetSchema schema, List<SortField> sort, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement statement = statements.prepare(connection, PageSql.orderKeysById(schema, sort));
            DuckDbValues.bind(statement, List.of(id));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(keys(rows, RecordSqlBuilder.orderKeys(sort).size())) : Optional.empty();
            }
        }
    }

    /** Every match of the filters, not only those after a cursor. */
    private long count(Connection connection, DatasetSchema schema, List<Filter> filters) throws SQLException {
        SqlQuery sql = PageSql.count(schema, filters);
        PreparedStatement statement = statements.prepare(connection, sql.sql());
        DuckDbValues.bind(statement, sql.parameters());
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Object> keys(ResultSet row, int count) throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(utc(row.getObject(PageSql.KEY_COLUMN + i)));
        }
        return keys;
    }

    private static Object utc(Object value) {
        return value instanceof OffsetDateTime instant ? instant.withOffsetSameInstant(ZoneOffset.UTC) : value;
    }
}

package io.duckforge.store;

import io.duckforge.DuckForgeConfig;
import io.agroal.api.AgroalDataSource;
import io.duckforge.query.ExportQuery;
import io.duckforge.query.Filter;
import io.duckforge.query.RecordQuery;
import io.duckforge.query.SortField;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.query.SqlQuery;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.MigrationRequest;
import io.duckforge.schema.SchemaConflictException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The {@link DatasetStore} on an embedded DuckDB file reached through the Agroal pool. */
@ApplicationScoped
public class DuckDbDatasetStore implements DatasetStore {

    private static final int CONFLICT_ATTEMPTS = 4;
    private static final DateTimeFormatter BACKUP_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final AgroalDataSource dataSource;
    private final PreparedStatementCache statements;
    private final StoreOperations operations;
    // One thread per bulk write in progress; their number is bounded by the request workers that start them.
    private final ExecutorService bulkWriters = Executors.newCachedThreadPool(new BulkWriterThreads());

    // Null when group commit is off: each create then commits on its own.
    private final GroupCommitWriter<GroupCommitWriter.NewRecord, StoredRecord> groupCommit;
    // Answers of requests with an Idempotency-Key, committed together however creates are.
    private final GroupCommitWriter<DuckDbIdempotencyKeys.Answered, Boolean> idempotencyAnswers;
    private final DatasetGate gate;
    private final DatasetReads reads;
    private final DuckDbPages pages;
    private final ClientPacedConnections clientPaced;
    private final DuckDbDatabase database;

    public DuckDbDatasetStore(AgroalDataSource dataSource, PreparedStatementCache statements, MeterRegistry registry,
                              StoreOperations operations, DuckForgeConfig config, ClientPacedConnections clientPaced,
                              DuckDbDatabase database, DatasetGate gate, DatasetReads reads, DuckDbPages pages) {
        this.dataSource = dataSource;
        this.statements = statements;
        this.operations = operations;
        this.gate = gate;
        this.reads = reads;
        this.pages = pages;
        this.clientPaced = clientPaced;
        this.database = database;
        DuckForgeConfig.Writes writes = config.writes();
        this.groupCommit = writes.groupCommit()
                ? new GroupCommitWriter<>("writes", dataSource, this::insertBatch, writes.maxBatch(), writes.maxWait(),
                        writes.maxPending(), registry)
                : null;
        this.idempotencyAnswers = new GroupCommitWriter<>("idempotency", dataSource, DuckDbIdempotencyKeys::answerAll,
                writes.maxBatch(), writes.maxWait(), writes.maxPending(), registry);
    }

    @PreDestroy
    void stopWriters() {
        bulkWriters.shutdown();
        if (groupCommit != null) {
            groupCommit.close();
        }
        idempotencyAnswers.close();
    }

    @Override
    public List<DatasetSchema> appliedSchemas() {
        return timed("catalog-read", "", () -> {
            database.open();
            try (Connection connection = dataSource.getConnection()) {
                DuckDbCatalog.createTables(connection);
                List<DatasetSchema> schemas = DuckDbCatalog.readAll(connection);
                schemas.forEach(gate::open);
                return schemas;
            }
        });
    }

    @Override
    public void createDataset(DatasetSchema schema, String source) {
        timed("create-dataset", schema.name(), () -> {
            try (Connection connection = dataSource.getConnection();
                 DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                if (DuckDbCatalog.contains(connection, schema.name())) {
                    throw new SchemaConflictException(schema.name());
                }
                executeAll(connection, DuckDbTableDdl.createStatements(schema));
                OffsetDateTime now = now();
                DuckDbCatalog.insert(connection, schema, source, now);
                DuckDbCatalog.recordMigration(connection, new MigrationRecord(schema.name(), schema.version(),
                        DuckDbCatalog.toJson(List.of()), source, now, 0, 0, "create"));
                transaction.commit();
                gate.open(schema);
                return null;
            }
        });
    }

    @Override
    public void ensureDataset(DatasetSchema schema) {
        timed("ensure-dataset", schema.name(), () -> {
            try (Connection connection = dataSource.getConnection();
                 DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                executeAll(connection, DuckDbTableDdl.createStatements(schema));
                transaction.commit();
                gate.open(schema);
                return null;
            }
        });
    }

    @Override
    public MigrationResult migrate(DatasetSchema current, MigrationRequest request, DatasetSchema target,
                                   Consumer<DatasetSchema> onApplied) {
        DuckDbMigration migration = DuckDbMigration.plan(current, request.changes(), target);
        if (request.dryRun()) {
            return onDataset("migration-plan", current, () -> {
                long started = System.nanoTime();
                try (Connection connection = dataSource.getConnection()) {
                    long rows = migration.check(connection);
                    return migrationResult(current, target, migration, rows, true, started);
                }
            });
        }
        try (DatasetGate.Pass alone = gate.enterAlone(current)) {
            return timed("migration", current.name(), () -> {
                long started = System.nanoTime();
                try (Connection connection = dataSource.getConnection();
                     DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                    long rows = migration.check(connection);
                    migration.execute(connection);
                    MigrationResult result = migrationResult(current, target, migration, rows, false, started);
                    DuckDbCatalog.update(connection, target);
                    DuckDbCatalog.recordMigration(connection, new MigrationRecord(target.name(), target.version(),
                            DuckDbCatalog.toJson(request.changes()), request.appliedBy(), now(), result.durationMs(),
                            result.rowsTouched(), result.strategy()));
                    transaction.commit();
                    gate.advance(target);
                    onApplied.accept(target);
                    return result;
                }
            });
        }
    }

    /** A rebuild copies every record; in place, building an index reads them all, and the rest is catalog only. */
    private static MigrationResult migrationResult(DatasetSchema current, DatasetSchema target, DuckDbMigration migration,
                                                   long rows, boolean dryRun, long startedNanos) {
        long touched = migration.rebuild() || !migration.indexesBuilt().isEmpty() ? rows : 0;
        return new MigrationResult(current.name(), current.version(), target.version(), dryRun,
                migration.rebuild() ? DuckDbMigration.REBUILD : DuckDbMigration.IN_PLACE,
                migration.statements().stream().map(SqlQuery::sql).toList(), touched, migration.indexesBuilt(),
                (System.nanoTime() - startedNanos) / 1_000_000, target);
    }

    @Override
    public List<MigrationRecord> migrations(String dataset) {
        return timed("migrations", dataset, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return DuckDbCatalog.migrations(connection, dataset);
            }
        });
    }

    @Override
    public void dropDataset(DatasetSchema schema, Runnable onDropped) {
        try (DatasetGate.Pass alone = gate.enterAlone(schema)) {
            timed("drop-dataset", schema.name(), () -> {
                try (Connection connection = dataSource.getConnection();
                     DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                    executeAll(connection, List.of("DROP TABLE " + RecordSqlBuilder.quoted(schema.name())));
                    DuckDbCatalog.delete(connection, schema.name());
                    transaction.commit();
                    gate.close(schema.name());
                    onDropped.run();
                    return null;
                }
            });
        }
    }

    @Override
    public StoredRecord insert(DatasetSchema schema, Map<String, Object> values) {
        if (groupCommit != null) {
            return onDataset("insert", schema, () -> groupCommit.write(new GroupCommitWriter.NewRecord(schema, values)));
        }
        return onDataset("insert", schema, () -> {
            try (Connection connection = dataSource.getConnection()) {
                return insertRow(connection, schema, values);
            }
        });
    }

    /**
     * A group commit's rows: a lone row through the cached INSERT (creating an Appender costs more than one row),
     * several through one Appender per dataset, flushed so that a clash surfaces before the commit.
     */
    private List<StoredRecord> insertBatch(Connection connection, List<GroupCommitWriter.NewRecord> rows)
            throws SQLException {
        if (rows.size() == 1) {
            return List.of(insertRow(connection, rows.get(0).schema(), rows.get(0).values()));
        }
        OffsetDateTime now = now();
        List<StoredRecord> records = new ArrayList<>(rows.size());
        Map<String, DuckDBAppender> appenders = new HashMap<>();
        try {
            for (GroupCommitWriter.NewRecord row : rows) {
                DuckDBAppender appender = appenders.get(row.schema().name());
                if (appender == null) {
                    appender = connection.unwrap(DuckDBConnection.class).createAppender("main", row.schema().name());
                    appenders.put(row.schema().name(), appender);
                }
                StoredRecord record = newRecord(row.schema(), row.values(), now);
                BulkAppender.appendRow(appender, record);
                records.add(record);
            }
            for (DuckDBAppender appender : appenders.values()) {
                appender.flush();
            }
        } finally {
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
        }
        return records;
    }

    private StoredRecord insertRow(Connection connection, DatasetSchema schema, Map<String, Object> values)
            throws SQLException {
        StoredRecord record = newRecord(schema, values, now());
        List<Object> parameters = new ArrayList<>(List.of(record.id(), record.createdAt(), record.updatedAt(), record.version()));
        parameters.addAll(values.values());
        PreparedStatement statement = statements.prepare(connection, RecordSqlBuilder.insert(schema));
        DuckDbValues.bind(statement, parameters);
        statement.execute();
        return record;
    }

    /** A record as a create stores it: a new id, created and updated now, version 1. */
    private static StoredRecord newRecord(DatasetSchema schema, Map<String, Object> values, OffsetDateTime now) {
        return new StoredRecord(RecordIds.next(), schema.name(), values, now, now, 1L);
    }

    @Override
    public Optional<StoredRecord> update(DatasetSchema schema, UUID id, Map<String, Object> values,
                                         OptionalLong expectedVersion) {
        return onDataset("update", schema, () -> retryingConflicts(() -> {
            try (Connection connection = dataSource.getConnection()) {
                PreparedStatement statement = statements.prepare(connection,
                        RecordSqlBuilder.update(schema, expectedVersion.isPresent()));
                List<Object> parameters = new ArrayList<>(values.values());
                parameters.add(now());
                parameters.add(id);
                expectedVersion.ifPresent(parameters::add);
                DuckDbValues.bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return Optional.of(RecordRowReader.read(rows, schema, List.of()));
                    }
                }
                requireExpectedVersion(connection, schema, id, expectedVersion);
                return Optional.<StoredRecord>empty();
            }
        }));
    }

    @Override
    public boolean delete(DatasetSchema schema, UUID id, OptionalLong expectedVersion) {
        return onDataset("delete", schema, () -> retryingConflicts(() -> {
            try (Connection connection = dataSource.getConnection()) {
                PreparedStatement statement = statements.prepare(connection,
                        RecordSqlBuilder.deleteById(schema, expectedVersion.isPresent()));
                List<Object> parameters = new ArrayList<>(List.of(id));
                expectedVersion.ifPresent(parameters::add);
                DuckDbValues.bind(statement, parameters);
                if (statement.executeUpdate() > 0) {
                    return true;
                }
                requireExpectedVersion(connection, schema, id, expectedVersion);
                return false;
            }
        }));
    }

    @Override
    public long deleteWhere(DatasetSchema schema, List<Filter> filters) {
        return onDataset("delete-where", schema, () -> retryingConflicts(() -> {
            SqlQuery sql = RecordSqlBuilder.deleteWhere(schema, filters);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                DuckDbValues.bind(statement, sql.parameters());
                return statement.executeLargeUpdate();
            }
        }));
    }

    /** A conditional change that matched nothing: the record is absent (fine) or has moved on (412). */
    private void requireExpectedVersion(Connection connection, DatasetSchema schema, UUID id,
                                        OptionalLong expectedVersion) throws SQLException {
        if (expectedVersion.isEmpty()) {
            return;
        }
        PreparedStatement statement = statements.prepare(connection, RecordSqlBuilder.versionById(schema));
        statement.setObject(1, id);
        try (ResultSet rows = statement.executeQuery()) {
            if (rows.next()) {
                throw new VersionMismatchException(expectedVersion.getAsLong(), rows.getLong(1));
            }
        }
    }

    /**
     * DuckDB refuses the second of two transactions that change one row. Each change here is its own short
     * transaction, so trying it again after a moment usually succeeds; after {@value #CONFLICT_ATTEMPTS} attempts
     * the conflict is answered (409), never left as a server error.
     */
    private static <T> T retryingConflicts(SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!SqlErrors.isTransactionConflict(e) || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + (2L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public BulkWrite openBulkWrite(DatasetSchema schema) {
        DatasetReads.requireWorkerThread();
        OffsetDateTime now = now();
        ClientPacedConnections.Permit permit = clientPaced.acquire();
        // Held until the writer lets go: a migration must not change the table under a body still streaming in.
        DatasetGate.Pass pass;
        try {
            pass = gate.enter(schema);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
        return new PipelinedBulkWrite(() -> {
            StoreOperations.Measured measured = operations.start("bulk-write", schema.name());
            try {
                return new BulkAppender(dataSource.getConnection(), schema, now, measured::close);
            } catch (SQLException e) {
                measured.failed(e);
                measured.close();
                throw SqlErrors.translate("Opening a bulk write", e);
            }
        }, bulkWriters, () -> {
            pass.close();
            permit.close();
        });
    }

    @Override
    public Optional<StoredRecord> findById(DatasetSchema schema, UUID id) {
        return onDataset("find-by-id", schema, () -> {
            try (Connection connection = dataSource.getConnection()) {
                PreparedStatement statement = statements.prepare(connection, RecordSqlBuilder.selectById(schema));
                statement.setObject(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(RecordRowReader.read(rows, schema, List.of())) : Optional.empty();
                }
            }
        });
    }

    @Override
    public StoredPage find(DatasetSchema schema, RecordQuery query) {
        return onDataset("find", schema, () -> pages.read(schema, query));
    }

    @Override
    public long count(DatasetSchema schema, List<Filter> filters) {
        return onDataset("count", schema, () -> pages.count(schema, filters));
    }

    @Override
    public Optional<List<Object>> orderKeysOf(DatasetSchema schema, List<SortField> sort, UUID id) {
        return onDataset("find", schema, () -> pages.orderKeysOf(schema, sort, id));
    }

    @Override
    public long streamLines(DatasetSchema schema, ExportQuery query, TextFormat format, LineSink sink)
            throws IOException {
        return reads.streamLines("stream", schema, RecordSqlBuilder.selectExportLines(schema, query, format), sink);
    }

    @Override
    public long exportArrow(DatasetSchema schema, ExportQuery query, OutputStream out, BooleanSupplier clientGone)
            throws IOException {
        return reads.stream("export-arrow", schema, RecordSqlBuilder.selectExport(schema, query),
                result -> ArrowExport.write(result, out, clientGone));
    }

    private static final class BulkWriterThreads implements ThreadFactory {

        private final AtomicInteger sequence = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "duckforge-bulk-writer-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    @Override
    public boolean arrowAvailable() {
        return ArrowExport.isAvailable();
    }

    @Override
    public long exportParquet(DatasetSchema schema, ExportQuery query, Path target) {
        return reads.copyToParquet("export-parquet", schema, RecordSqlBuilder.selectExport(schema, query), target);
    }

    @Override
    public long ingestParquet(DatasetSchema schema, Path file, long maxRows) {
        return onDataset("ingest-parquet", schema, () -> {
            try (Connection connection = dataSource.getConnection();
                 DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                long rows = ColumnarIngest.parquet(connection, schema, file).load(maxRows);
                transaction.commit();
                return rows;
            }
        });
    }

    @Override
    public long ingestArrow(DatasetSchema schema, InputStream body, long length, Path copy, long maxRows) {
        return onDataset("ingest-arrow", schema, () -> {
            try (ClientPacedConnections.Permit permit = clientPaced.acquire();
                 Connection connection = dataSource.getConnection()) {
                return new ArrowIngest(connection, schema, maxRows).load(body, length, copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<IdempotencyKey> findIdempotencyKey(String key, OffsetDateTime notBefore) {
        return timed("idempotency-find", "", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return DuckDbIdempotencyKeys.find(connection, key, notBefore);
            }
        });
    }

    @Override
    public void answerIdempotencyKey(String key, IdempotentAnswer answer) {
        timed("idempotency-answer", "", () -> idempotencyAnswers.write(new DuckDbIdempotencyKeys.Answered(key, now(), answer)));
    }

    @Override
    public long purgeIdempotencyKeys(OffsetDateTime expiredBefore) {
        return timed("idempotency-purge", "", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return DuckDbIdempotencyKeys.purge(connection, expiredBefore);
            }
        });
    }

    @Override
    public synchronized BackupResult backup(Path parent) {
        return timed("backup", "", () -> {
            long started = System.nanoTime();
            String name = "duckforge-" + BACKUP_NAME.format(now());
            Path partial = parent.resolve(name + ".partial");
            Path complete = parent.resolve(name);
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the backup directory " + parent, e);
            }
            int datasets;
            long records = 0;
            // One transaction: the counts and the export see the same snapshot, whatever commits meanwhile.
            try (Connection connection = dataSource.getConnection();
                 DuckDbTransaction transaction = DuckDbTransaction.begin(connection)) {
                List<DatasetSchema> schemas = DuckDbCatalog.readAll(connection);
                datasets = schemas.size();
                for (DatasetSchema schema : schemas) {
                    try (Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + RecordSqlBuilder.quoted(schema.name()))) {
                        rows.next();
                        records += rows.getLong(1);
                    }
                }
                // EXPORT takes the path as a literal; it is the service's own directory, never client input.
                executeAll(connection, List.of("EXPORT DATABASE " + DuckDbValues.literal(partial) + " (FORMAT parquet)"));
                transaction.commit();
            }
            try {
                Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
                long bytes;
                try (var files = Files.walk(complete)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
                }
                return new BackupResult(complete.toAbsolutePath().toString(), datasets, records, bytes,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot complete the backup " + complete, e);
            }
        });
    }

    @Override
    public boolean restore(Path backup) {
        return timed("restore", "", () -> {
            if (!Files.isRegularFile(backup.resolve("schema.sql"))) {
                throw new StoreException("No backup at " + backup + " (it has no schema.sql)", null);
            }
            database.open();
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'duckforge_meta' AND table_name = 'datasets'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return false;
                    }
                }
                executeAll(connection, List.of("IMPORT DATABASE " + DuckDbValues.literal(backup)));
                return true;
            }
        });
    }

    @Override
    public void open() {
        database.open();
    }

    @Override
    public void checkpoint() {
        timed("checkpoint", "", () -> {
            try (Connection connection = dataSource.getConnection()) {
                executeAll(connection, List.of("CHECKPOINT"));
            }
            return null;
        });
    }

    @Override
    public Optional<String> fatalError() {
        return database.fatalError();
    }

    @Override
    public boolean isQueryable(DatasetSchema schema) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet ignored = statement.executeQuery("SELECT 1 FROM " + RecordSqlBuilder.quoted(schema.name()) + " LIMIT 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void executeAll(Connection connection, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A timed operation on a dataset's table, inside the dataset's gate (see {@link DatasetGate}). */
    private <T> T onDataset(String operation, DatasetSchema schema, SqlWork<T> work) {
        DatasetReads.requireWorkerThread();
        try (DatasetGate.Pass pass = gate.enter(schema)) {
            return measured(operation, schema.name(), work);
        }
    }

    private <T> T timed(String operation, String schemaName, SqlWork<T> work) {
        DatasetReads.requireWorkerThread();
        return measured(operation, schemaName, work);
    }

    private <T> T measured(String operation, String schemaName, SqlWork<T> work) {
        try (StoreOperations.Measured measured = operations.start(operation, schemaName)) {
            try {
                return work.run();
            } catch (SQLException e) {
                measured.failed(e);
                throw SqlErrors.translate(operation + " on '" + schemaName + "'", e);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}

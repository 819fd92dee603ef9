package io.duckforge.store;

import io.duckforge.query.ExportQuery;
import io.duckforge.query.Filter;
import io.duckforge.query.RecordQuery;
import io.duckforge.query.SortField;
import io.duckforge.query.TextFormat;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.MigrationRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The storage port: everything the service asks of a database. DuckDB implements it today; a PostgreSQL
 * implementation is the plan for outgrowing one machine, behind the same REST contract.
 */
public interface DatasetStore {

    /** The schemas recorded in the database's own catalog. */
    List<DatasetSchema> appliedSchemas();

    /**
     * Creates the table and indexes of a new dataset and records it in the catalog, in one transaction.
     *
     * @param source where the declaration came from, e.g. {@code api} or {@code file:schemas/x.yaml}
     * @throws io.duckforge.schema.SchemaConflictException when the catalog already has the name
     */
    void createDataset(DatasetSchema schema, String source);

    /** Creates any missing table or index of an already applied dataset; changes nothing that exists. */
    void ensureDataset(DatasetSchema schema);

    /**
     * Migrates a dataset from {@code current} to {@code target} (the result of {@code request}'s changes), all in one
     * transaction, and records it in the history. Waits for the requests in flight on the dataset and holds new ones
     * until it is done; {@code onApplied} runs after the commit, before any of them proceeds. With
     * {@link MigrationRequest#dryRun()} it only plans and checks.
     *
     * @throws MigrationRefusedException when stored values rule a change out
     * @throws DatasetBusyException when the requests in flight did not finish in time
     */
    MigrationResult migrate(DatasetSchema current, MigrationRequest request, DatasetSchema target,
                            Consumer<DatasetSchema> onApplied);

    /** The dataset's applied versions, oldest first. */
    List<MigrationRecord> migrations(String dataset);

    /** Drops a dataset's table, definition and history once the requests in flight finish; then runs {@code onDropped}. */
    void dropDataset(DatasetSchema schema, Runnable onDropped);

    StoredRecord insert(DatasetSchema schema, Map<String, Object> values);

    BulkWrite openBulkWrite(DatasetSchema schema);

    /**
     * Replaces a record's property values, stamps {@code updated_at} and bumps {@code version}.
     *
     * @param expectedVersion when present, the change applies only to that version
     * @return the changed record; empty when there is no record with the id
     * @throws VersionMismatchException when the record has another version than expected
     */
    Optional<StoredRecord> update(DatasetSchema schema, UUID id, Map<String, Object> values, OptionalLong expectedVersion);

    /**
     * @return whether a record was deleted; false when there is no record with the id
     * @throws VersionMismatchException when the record has another version than expected
     */
    boolean delete(DatasetSchema schema, UUID id, OptionalLong expectedVersion);

    /** @return how many records matched the filters and were deleted, all in one transaction */
    long deleteWhere(DatasetSchema schema, List<Filter> filters);

    Optional<StoredRecord> findById(DatasetSchema schema, UUID id);

    /** A page of records and, unless the query waives it, their total, read from one snapshot. */
    StoredPage find(DatasetSchema schema, RecordQuery query);

    long count(DatasetSchema schema, List<Filter> filters);

    /**
     * The order keys ({@code RecordSqlBuilder.orderKeys(sort)}) the record with the id has now: where a stream in that
     * order resumes after it.
     *
     * @return empty when there is no record with the id
     */
    Optional<List<Object>> orderKeysOf(DatasetSchema schema, List<SortField> sort, UUID id);

    /**
     * Streams every matching record into {@code sink} as one line of {@code format} (UTF-8, terminated), rendered
     * by the database as it produces rows, holding one row at a time. A sink that throws cancels the query and
     * releases the connection before the exception propagates.
     *
     * @return the number of records streamed
     */
    long streamLines(DatasetSchema schema, ExportQuery query, TextFormat format, LineSink sink) throws IOException;

    /**
     * Writes every matching record, flat (system columns, then properties), to a Parquet file through the database's
     * own writer. Parquet's footer comes last, so the file is complete only when the query is.
     *
     * @return the number of records written
     */
    long exportParquet(DatasetSchema schema, ExportQuery query, Path target);

    /**
     * Streams every matching record, flat, as an Arrow IPC stream of record batches taken from the database's own
     * Arrow export; {@code clientGone} is asked before each batch and stops the query when true.
     *
     * @return the number of records written
     */
    long exportArrow(DatasetSchema schema, ExportQuery query, OutputStream out, BooleanSupplier clientGone) throws IOException;

    /** Whether {@link #exportArrow} can run in this JVM. */
    boolean arrowAvailable();

    /**
     * Loads a Parquet file into a dataset with the database's own reader, all or nothing; see {@link ParquetIngest}
     * for the column and system-column rules.
     *
     * @return the number of records written
     */
    long ingestParquet(DatasetSchema schema, Path file, long maxRows);

    /**
     * Loads an Arrow IPC stream body through the database's own Arrow reader, with the rules of
     * {@link #ingestParquet}.
     *
     * @param length the body's length in bytes: sizes the stream declares are checked against it before anything is
     *               allocated for them
     * @param copy a file the body is copied to as it is read, so that a refused body can be read again to name its
     *             bad rows
     * @return the number of rows written
     */
    long ingestArrow(DatasetSchema schema, InputStream body, long length, Path copy, long maxRows);

    /**
     * Writes a consistent snapshot of every dataset and the catalog (one transaction) into a new directory under
     * {@code parent}: Parquet files plus the SQL that imports them. The directory appears only once complete.
     */
    BackupResult backup(Path parent);

    /**
     * Imports a backup into a database that holds no catalog yet.
     *
     * @return false, changing nothing, when the database already has a catalog
     */
    boolean restore(Path backup);

    /**
     * Opens the database the service owns, before anything else runs, taking as long as that takes (after a crash,
     * the replay of a write-ahead log); without a time limit, since a start that gives up only starts again.
     */
    void open();

    /** Moves everything in the write-ahead log into the database file, which then holds all of it alone. */
    void checkpoint();

    /**
     * The fatal error after which the engine serves nothing until the process restarts (DuckDB invalidates its
     * database when a checkpoint fails on a full disk), if one happened.
     */
    Optional<String> fatalError();

    /** Whether the dataset's table exists and answers a query. */
    boolean isQueryable(DatasetSchema schema);

    /** The key's stored state, unless absent or older than {@code notBefore} (past the retention). */
    Optional<IdempotencyKey> findIdempotencyKey(String key, OffsetDateTime notBefore);


    /** Stores the first answer to a key, replacing one past the retention. */
    void answerIdempotencyKey(String key, IdempotentAnswer answer);


    /**
     * Run at startup, before any request: removes keys older than the retention, and reservations without an answer,
     * whose requests died with the process that made them (a retry then runs afresh instead of waiting for good).
     *
     * @return how many keys were removed
     */
    long purgeIdempotencyKeys(OffsetDateTime expiredBefore);
}

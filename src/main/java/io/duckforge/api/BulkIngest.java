package io.duckforge.api;

import io.duckforge.access.CurrentCaller;
import io.duckforge.access.Need;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.DuckForgeConfig;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.RecordValidator;
import io.duckforge.schema.SchemaCatalog;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.BulkWrite;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.RowLimitExceededException;
import io.duckforge.store.SystemValues;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a bulk body (a JSON array, NDJSON or CSV) as it arrives, one row in memory at a time, validating each row and
 * appending it to one all-or-nothing {@link BulkWrite}. A bad row stops writing, the rest are still checked so the
 * answer can name up to {@value #MAX_REPORTED_ERRORS} problems, and nothing is committed.
 */
@ApplicationScoped
public class BulkIngest {

    static final int MAX_REPORTED_ERRORS = 100;

    private final ObjectMapper mapper;
    // Rows are read one after another from one parser; the strict mapper would take the next row for trailing content.
    private final ObjectMapper rowMapper;
    private final SchemaCatalog catalog;
    private final DatasetStore store;
    private final ScratchFiles scratch;
    private final int maxRows;
    private final long maxBodyBytes;
    private final CurrentVertxRequest exchange;

    private final CurrentCaller caller;

    public BulkIngest(ObjectMapper mapper, SchemaCatalog catalog, DatasetStore store, ScratchFiles scratch,
                      DuckForgeConfig config, CurrentVertxRequest exchange, CurrentCaller caller) {
        this.caller = caller;
        this.scratch = scratch;
        this.exchange = exchange;
        this.mapper = mapper;
        this.rowMapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.catalog = catalog;
        this.store = store;
        this.maxRows = config.bulk().maxRows();
        this.maxBodyBytes = config.bulk().maxBodyBytes();
    }

    /** A bare JSON array of data objects for the named dataset. */
    public long ingestArray(String schemaName, InputStream body) throws IOException {
        DatasetSchema schema = catalog.require(schemaName);
        try (JsonParser parser = rowMapper.createParser(limited(body))) {
            BulkJsonBodies.expectArray(parser.nextToken(), "the body");
            return ingestRows(schema, BulkJsonBodies.arrayRows(parser), () -> BulkJsonBodies.expectEnd(parser));
        }
    }

    /** One data object per line (any JSON whitespace between objects is accepted). */
    public long ingestNdjson(String schemaName, InputStream body) throws IOException {
        DatasetSchema schema = catalog.require(schemaName);
        try (JsonParser parser = rowMapper.createParser(limited(body))) {
            return ingestRows(schema, () -> parser.nextToken() == null ? null : parser.readValueAsTree(), () -> { });
        }
    }

    /** CSV with a header row of property names; see {@link CsvRows} for how fields become values. */
    public long ingestCsv(String schemaName, InputStream body) throws IOException {
        DatasetSchema schema = catalog.require(schemaName);
        return ingestRows(schema, new CsvRows(schema, limited(body), mapper), () -> { });
    }

    /**
     * {@code {"schema_name": ..., "data": [...]}}. With {@code schema_name} first the rows stream, and the rest of the
     * envelope is read before the commit; a body that puts {@code data} first has its array buffered until the
     * dataset is known. Each key may appear once.
     */
    public long ingestEnvelope(InputStream body) throws IOException {
        try (JsonParser parser = rowMapper.createParser(limited(body))) {
            return BulkJsonBodies.envelope(parser, rowMapper,
                    (schemaName, rows, endOfBody) -> {
                        caller.get().require(Need.WRITE, schemaName);
                        return ingestRows(catalog.require(schemaName), rows, endOfBody);
                    });
        }
    }

    /**
     * A Parquet file's footer comes last, so the body goes to a temporary file (within the byte limit) and DuckDB's
     * own reader loads it.
     */
    public long ingestParquet(String schemaName, InputStream body) throws IOException {
        DatasetSchema schema = catalog.require(schemaName);
        Path file = scratch.create("ingest-", ".parquet");
        try {
            Files.copy(limited(body), file, StandardCopyOption.REPLACE_EXISTING);
            return store.ingestParquet(schema, file, maxRows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * An Arrow IPC stream, read by DuckDB batch by batch while it arrives. The sizes a stream declares are checked
     * against the body's real length, so a body without a Content-Length is first copied to a file (within the byte
     * limit) to learn it. DuckDB reads it on its own terms, so a body over the byte limit surfaces as an unreadable
     * stream and is told apart here.
     *
     * @param contentLength the declared Content-Length, or -1 when the body is chunked
     */
    public long ingestArrow(String schemaName, InputStream body, long contentLength) throws IOException {
        DatasetSchema schema = catalog.require(schemaName);
        if (!store.arrowAvailable()) {
            throw new ArrowUnavailableException();
        }
        if (contentLength > maxBodyBytes) {
            throw LimitedInputStream.tooLarge(LimitedInputStream.BULK_BODY, maxBodyBytes);
        }
        if (contentLength < 0) {
            Path spool = scratch.create("ingest-", ".arrows");
            try {
                Files.copy(limited(body), spool, StandardCopyOption.REPLACE_EXISTING);
                try (InputStream spooled = Files.newInputStream(spool)) {
                    return ingestArrowOfLength(schema, spooled, Files.size(spool));
                }
            } finally {
                Files.deleteIfExists(spool);
            }
        }
        return ingestArrowOfLength(schema, body, contentLength);
    }

    private long ingestArrowOfLength(DatasetSchema schema, InputStream body, long length) throws IOException {
        LimitedInputStream limited = limited(body);
        Path copy = scratch.create("ingest-", ".arrows");
        try {
            return store.ingestArrow(schema, limited, length, copy, maxRows);
        } catch (RuntimeException e) {
            if (limited.exceeded()) {
                throw LimitedInputStream.tooLarge(LimitedInputStream.BULK_BODY, maxBodyBytes);
            }
            throw e;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private LimitedInputStream limited(InputStream body) {
        return new LimitedInputStream(body, maxBodyBytes, LimitedInputStream.BULK_BODY,
                UnreadBodyConnectionClose.markBodyRead(exchange.getCurrent()));
    }

    /**
     * @param endOfBody reads what follows the rows and throws if it is not a proper end; it runs before the commit,
     *                  so a body is checked whole before anything becomes visible
     */
    private long ingestRows(DatasetSchema schema, RowSource source, BodyEnd endOfBody) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        try (BulkWrite write = store.openBulkWrite(schema)) {
            long row = 0;
            SystemValues[] system = new SystemValues[1];
            for (JsonNode next = source.next(); next != null; next = source.next()) {
                if (row >= maxRows) {
                    throw new RowLimitExceededException(maxRows);
                }
                JsonNode data = SystemFields.split(next, system);
                List<FieldError> rowErrors = new ArrayList<>();
                Map<String, Object> values = RecordValidator.validate(schema, data, rowErrors);
                for (FieldError error : rowErrors) {
                    errors.add(error.atRow(row));
                }
                if (errors.size() >= MAX_REPORTED_ERRORS) {
                    break;
                }
                if (errors.isEmpty()) {
                    write.append(system[0], values);
                }
                row++;
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("The bulk body has invalid rows; nothing was written",
                        errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
            }
            endOfBody.check();
            return write.commit();
        }
    }

    /** The rows of a body, one data object at a time; {@code null} after the last. */
    @FunctionalInterface
    interface RowSource {
        JsonNode next() throws IOException;
    }

    /** What must follow the last row of a body. */
    @FunctionalInterface
    interface BodyEnd {
        void check() throws IOException;
    }
}

package io.duckforge.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {

    @Test
    void aPoolThatStayedBusyIsAnOverloadToRetryNotAServerError() {
        // Agroal's own words when no connection came free within the acquisition timeout.
        RuntimeException translated = SqlErrors.translate("Reading", new SQLException("Sorry, acquisition timeout!"));

        assertThat(translated).isInstanceOf(OverloadedException.class);
    }

    @Test
    void theDatabaseRunningOutOfMemoryIsAResourceErrorWorthARetry() {
        RuntimeException translated = SqlErrors.translate("Loading", new SQLException(
                "Out of Memory Error: could not allocate block of size 256.0 KiB (7.6 MiB/7.6 MiB used)"));

        assertThat(translated).isInstanceOfSatisfying(ResourceExhaustedException.class,
                e -> assertThat(e.resource().status()).isEqualTo(503));
    }

    @Test
    void aBlockThatCannotBePinnedIsOutOfMemoryToo() {
        RuntimeException translated = SqlErrors.translate("Loading", new SQLException(
                "Invalid Input Error: failed to pin block of size 256.0 KiB"));

        assertThat(translated).isInstanceOfSatisfying(ResourceExhaustedException.class,
                e -> assertThat(e.resource()).isEqualTo(ResourceExhaustedException.Resource.MEMORY));
    }

    @Test
    void aFullDiskIsInsufficientStorage() {
        RuntimeException translated = SqlErrors.translate("Writing", new SQLException(
                "IO Error: Could not write file \"data/x.duckdb.wal\": No space left on device"));

        assertThat(translated).isInstanceOfSatisfying(ResourceExhaustedException.class,
                e -> assertThat(e.resource().status()).isEqualTo(507));
    }

    @Test
    void anInvalidatedDatabaseIsAFailedDatabaseNotAFullDisk() {
        // After a failed checkpoint every statement repeats the original cause, which names the full disk.
        RuntimeException translated = SqlErrors.translate("Reading", new SQLException("""
                FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be \
                restarted prior to being used again.
                Original error: "Failed to create checkpoint because of error: Could not write file "x.duckdb": No space left on device"""));

        assertThat(translated).isInstanceOf(DatabaseFailedException.class);
    }

    @Test
    void aStreamedQueryThatFailsWhileRunningIsOutOfMemory() {
        // The driver's words for a streamed result whose query failed; DuckDB's own message is not passed on.
        RuntimeException translated = SqlErrors.translate("Streaming", new SQLException("Invalid Input Error: Invalid result set"));

        assertThat(translated).isInstanceOfSatisfying(ResourceExhaustedException.class,
                e -> assertThat(e.resource()).isEqualTo(ResourceExhaustedException.Resource.MEMORY));
    }
}

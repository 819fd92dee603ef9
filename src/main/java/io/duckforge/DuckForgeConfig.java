package io.duckforge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Service configuration. Every key has an environment-variable form
 * (for example {@code DUCKFORGE_DUCKDB_PATH}) so Kubernetes can set it.
 */
@ConfigMapping(prefix = "duckforge")
public interface DuckForgeConfig {

    DuckDb duckdb();

    Schemas schemas();

    Bulk bulk();

    Writes writes();

    Idempotency idempotency();

    Migrations migrations();

    Backup backup();

    Requests requests();

    Auth auth();

    Cursors cursors();

    /** Keyset cursors of pages (docs/decisions/0021-pages-snapshots-index-lookups-cursors.md). */
    interface Cursors {
        /**
         * The key that signs cursors, at least 32 characters. Without one, a random key is made at start, and the
         * cursors handed out before a restart are refused after it.
         */
        Optional<String> secret();
    }

    /** Who may call (docs/decisions/0017-access-control.md, docs/operations.md "Access"). */
    interface Auth {
        /**
         * {@code none}, {@code jwt}, {@code api-keys} or {@code jwt,api-keys}. No default in the packaged service: it
         * refuses to start until one is chosen; {@code none} serves everyone everything and logs a warning.
         */
        Optional<String> mode();

        /** The JWT claim that carries the grants: a space-separated string (as {@code scope}) or an array. */
        @WithDefault("scope")
        String grantsClaim();

        ApiKeys apiKeys();

        interface ApiKeys {
            /**
             * The key file: one key per line, {@code <sha256 hex of the key> <name> <grant> [<grant> ...]}, {@code #}
             * comments. Re-read when it changes.
             */
            Optional<String> file();
        }
    }

    interface DuckDb {
        /** The DuckDB database file; its directory is created on startup. */
        @WithDefault("data/duckforge.duckdb")
        String path();

        /** DuckDB {@code memory_limit}, e.g. {@code 2GB}; wins over {@link #memoryLimitFraction()}. */
        Optional<String> memoryLimit();

        /**
         * DuckDB's {@code memory_limit} as a fraction (0..1) of the container's memory limit, when no
         * {@link #memoryLimit()} is set; DuckDB's own default (80% of the host's RAM) when neither is.
         */
        Optional<Double> memoryLimitFraction();

        /** The container's memory limit in bytes (the Downward API's {@code limits.memory}); else read from cgroup. */
        Optional<Long> containerMemoryBytes();

        /** DuckDB {@code threads}; DuckDB's own default (one per core) when absent. */
        Optional<Integer> threads();

        /** DuckDB {@code temp_directory} for spilling; DuckDB's own default ({@code <path>.tmp}) when absent. */
        Optional<String> tempDirectory();

        /**
         * Writes are refused (507) while the database's file system has less than this many bytes free, so that a
         * full disk stops writes before DuckDB fails a checkpoint and invalidates the database; reads go on.
         */
        @WithDefault("268435456")
        long minFreeDiskBytes();
    }

    interface Schemas {
        /** An optional directory of extra schema files (*.yaml, *.yml, *.json) read at startup. */
        Optional<String> dir();

        /**
         * Whether a schema file that differs from its applied dataset may drop, retype or restrict properties or
         * drop indexes at startup; without it only additive changes are applied and any other stops startup.
         */
        @WithDefault("false")
        boolean allowDestructiveChanges();
    }

    interface Bulk {
        /** The largest number of rows one bulk request may carry; more answers 413. */
        @WithDefault("1000000")
        int maxRows();

        /** The largest bulk body in bytes; a larger one answers 413 and writes nothing. */
        @WithDefault("1073741824")
        long maxBodyBytes();
    }

    /** How single-record creates reach DuckDB (see docs/decisions/0012-group-commit.md). */
    interface Writes {
        /** Coalesce concurrent single-record creates into shared transactions; false commits each on its own. */
        @WithDefault("true")
        boolean groupCommit();

        /** The most creates one shared transaction carries. */
        @WithDefault("256")
        int maxBatch();

        /**
         * How long a batch waits for more creates after its first; zero takes whatever queued while the previous
         * batch committed, which already forms batches under load without delaying a lone writer.
         */
        @WithDefault("0ms")
        Duration maxWait();

        /** Creates waiting or in a batch at most; beyond it a create answers 503 with Retry-After. */
        @WithDefault("4096")
        int maxPending();
    }

    interface Idempotency {
        /** How long the first answer to a request with an {@code Idempotency-Key} is kept for its retries. */
        @WithDefault("24h")
        Duration retention();
    }

    /** How schema migrations and the requests using a dataset take turns (see docs/decisions/0013-schema-migrations.md). */
    interface Migrations {
        /** How long a request waits for a running migration of its dataset before it is answered 503. */
        @WithDefault("10s")
        Duration requestWait();

        /** How long a migration waits for the requests in flight on its dataset before it gives up with 503. */
        @WithDefault("30s")
        Duration drainTimeout();
    }

    /** Snapshots and restores (docs/operations.md, "Back up and restore"). */
    interface Backup {
        /** Where {@code POST /api/v1/admin/backup} writes each snapshot, one directory per backup. */
        @WithDefault("data/backups")
        String dir();

        /**
         * A backup directory to import at startup into a database that holds no catalog yet: a restore into a fresh
         * file. Ignored (with a warning) when the database already has datasets.
         */
        Optional<String> restoreFrom();
    }

    /** What one request may take of the service (docs/operations.md, "Limits"). */
    interface Requests {
        /**
         * Pooled connections that requests paced by their client may hold at once: bulk bodies read as they arrive
         * and streams written as the client reads. The rest of the pool stays free for everything else, so slow
         * uploaders and readers cannot starve other callers. Keep it below {@code quarkus.datasource.jdbc.max-size}.
         */
        @WithDefault("8")
        int clientPacedConnections();

        /** How long such a request waits for one of those connections before it is answered 503 with Retry-After. */
        @WithDefault("5s")
        Duration clientPacedWait();

        /**
         * At shutdown, once {@code quarkus.shutdown.timeout} has passed: how long the final checkpoint waits for streams
         * and bulk bodies still holding a connection (the HTTP server closes their connections at about that time, and
         * each then ends its query) before it runs regardless. Keep delay + timeout + this under the pod's termination
         * grace period.
         */
        @WithDefault("10s")
        Duration shutdownDrain();

        /** Bytes a body that is not a bulk body (a record, a schema, a migration, a query) may carry; 413 beyond. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }
}

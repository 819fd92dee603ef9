package io.duckforge.query;

/** The line-oriented export formats, whose lines the database renders (see {@link RecordLineSql}). */
public enum TextFormat {
    /** One record envelope per line, as the JSON API answers a record. */
    NDJSON,
    /** One flat RFC 4180 row per record, system columns first. */
    CSV
}

package io.duckforge.access;

import java.util.List;

/** What a request needs of a dataset, or of the service. */
public enum Need {
    /** Pages, counts, streams, a record, a dataset's schema and migration history. */
    READ("datasets:read:"),
    /** Creates, replaces, patches and deletes of records. */
    WRITE("datasets:write:"),
    /** Declaring, migrating and dropping a dataset. */
    MANAGE("schemas:manage:"),
    /** Everything, and operations on the whole service (backups). */
    ADMIN("admin");

    static final List<Need> DATASET_NEEDS = List.of(READ, WRITE, MANAGE);

    private final String prefix;

    Need(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}

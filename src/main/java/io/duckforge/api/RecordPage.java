package io.duckforge.api;

import io.duckforge.query.PageCursor;
import io.duckforge.query.RecordQuery;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
import io.duckforge.store.DatasetStore;
import io.duckforge.store.StoredPage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of records with the total the filters match, counted in the same snapshot, and a cursor to the next page.
 *
 * @param total      null when the request waived it ({@code count=false})
 * @param page       null for a page reached by a cursor
 * @param nextCursor where the next page starts ({@code cursor=}); null on the last page
 */
public record RecordPage(List<RecordView> items,
                         @Schema(nullable = true, description = "how many records match; null with count=false") Long total,
                         @Schema(nullable = true, description = "null for a page reached by a cursor") Integer page,
                         int size, boolean hasNext, boolean hasPrevious,
                         @Schema(nullable = true, description = "pass as cursor= for the next page; null on the last page")
                         String nextCursor) {

    /**
     * @param cursor a {@code next_cursor} of an earlier page of the same query, or null for the {@code page}-th page
     * @param pageGiven whether the request named a page, which a cursor excludes
     */
    static RecordPage fetch(DatasetStore store, PageCursor cursors, DatasetSchema schema, RecordQuery query, String cursor,
                            boolean pageGiven) {
        RecordQuery asked = query;
        if (cursor != null && !cursor.isBlank()) {
            if (pageGiven) {
                throw new ValidationException(FieldError.of("cursor", "a cursor continues from its own page; leave page out"));
            }
            asked = query.after(cursors.decode(cursor.trim(), schema, query.filters(), query.sort()));
        }
        StoredPage stored = store.find(schema, asked);
        String next = stored.more() ? cursors.encode(schema, query.filters(), query.sort(), stored.lastKeys()) : null;
        return new RecordPage(stored.records().stream().map(RecordView::of).toList(), stored.total(),
                asked.after() == null ? asked.page() : null, asked.size(), stored.more(),
                asked.after() != null || asked.page() > 1, next);
    }
}

package io.duckforge.api;

import io.duckforge.query.RecordQuery;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.store.DatasetStore;

import java.util.List;

/** One page of records with the total the filters match. */
public record RecordPage(List<RecordView> items, long total, int page, int size, boolean hasNext, boolean hasPrevious) {

    static RecordPage fetch(DatasetStore store, DatasetSchema schema, RecordQuery query) {
        List<RecordView> items = store.find(schema, query).stream().map(RecordView::of).toList();
        long total = store.count(schema, query.filters());
        return new RecordPage(items, total, query.page(), query.size(),
                query.offset() + items.size() < total, query.page() > 1);
    }
}

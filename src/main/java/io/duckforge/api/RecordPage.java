package io.duckforge.api;

import java.util.List;

/** One page of records with the total the filters match. */
public record RecordPage(List<RecordView> items, long total, int page, int size, boolean hasNext, boolean hasPrevious) {
}

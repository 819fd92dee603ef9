package io.duckforge.store;

import java.util.List;

/**
 * One page of records as the store read it.
 *
 * @param total how many records match the filters, from the same snapshot as the records; null when not asked for
 * @param more  whether a record follows the page
 * @param lastKeys the order keys of the page's last record, where a cursor to the next page starts; null without one
 */
public record StoredPage(List<StoredRecord> records, Long total, boolean more, List<Object> lastKeys) {

    public StoredPage {
        records = List.copyOf(records);
    }
}

package io.duckforge.query;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.duckforge.query.QueryTestSchemas.WELLS;
import static org.assertj.core.api.Assertions.assertThat;

class PageSqlTest {

    private static final DatasetSchema INDEXED = new DatasetSchema("wells", null, 1, List.of(
            new PropertyDefinition("name", PropertyType.STRING, false, false, false, null, null),
            new PropertyDefinition("code", PropertyType.INTEGER, false, true, false, null, null),
            new PropertyDefinition("serial", PropertyType.STRING, false, false, true, null, null)));

    private static RecordQuery query(DatasetSchema schema, String filters, boolean count) {
        return new RecordQuery(FilterParser.parse(filters, schema), List.of(), List.of("name"), 3, 20, count);
    }

    @Test
    void aPageSelectsItsOrderKeysForTheCursorAndBindsEveryValue() {
        RecordQuery query = new RecordQuery(FilterParser.parse("""
                        [{"field": "code", "operator": "in", "value": [1, 2]},
                         {"field": "name", "operator": "ilike", "value": "w%"},
                         {"field": "oil", "operator": "is_null"}]""", WELLS),
                List.of(new SortField("oil", true)), List.of("name"), 3, 20, true);

        SqlQuery sql = PageSql.select(WELLS, query);

        assertThat(sql.sql()).isEqualTo("SELECT \"id\", \"created_at\", \"updated_at\", \"version\", \"name\","
                + " \"oil\" AS \"duckforge key 0\", \"id\" AS \"duckforge key 1\" FROM \"wells\""
                + " WHERE \"code\" IN (?, ?) AND \"name\" ILIKE ? ESCAPE '\\' AND \"oil\" IS NULL"
                + " ORDER BY \"oil\" DESC NULLS LAST, \"id\" ASC NULLS LAST LIMIT ? OFFSET ?");
        assertThat(sql.parameters()).containsExactly(1L, 2L, "w%", 21, 40L);
    }

    @Test
    void withoutSortPagesFollowCreationOrder() {
        SqlQuery sql = PageSql.select(WELLS, new RecordQuery(List.of(), List.of(), List.of(), 1, 10, true));

        assertThat(sql.sql()).endsWith("ORDER BY \"created_at\" ASC NULLS LAST, \"id\" ASC NULLS LAST LIMIT ? OFFSET ?");
    }

    @Test
    void theCountOfAnIndexedLookupGoesThroughTheLookupToo() {
        SqlQuery sql = PageSql.count(INDEXED, FilterParser.parse("""
                [{"field": "name", "operator": "eq", "value": "w"}, {"field": "code", "operator": "eq", "value": 7}]""", INDEXED));

        assertThat(sql.sql()).isEqualTo("WITH \"matching\" AS MATERIALIZED (SELECT \"name\" FROM \"wells\" WHERE \"code\" = ?)"
                + " SELECT count(*) FROM \"matching\" WHERE \"name\" = ?");
        assertThat(sql.parameters()).containsExactly(7L, "w");
    }

    @Test
    void aCountOfALookupAloneCountsTheIndexMatchesDirectly() {
        SqlQuery sql = PageSql.count(INDEXED, FilterParser.parse("[{\"field\": \"code\", \"operator\": \"eq\", \"value\": 7}]", INDEXED));

        assertThat(sql.sql()).isEqualTo("SELECT count(*) FROM \"wells\" WHERE \"code\" = ?");
    }

    @Test
    void aCursorPageStartsAfterTheCursorsKeysWithNullsLast() {
        RecordQuery query = new RecordQuery(List.of(), List.of(new SortField("oil", true)), List.of(), 1, 10, false)
                .after(java.util.Arrays.asList(null, "0190f0c4-95b4-7c8e-8f6b-2a9b3c4d5e6f"));

        SqlQuery sql = PageSql.select(WELLS, query);

        assertThat(sql.sql()).contains(" FROM \"wells\" WHERE ((\"oil\" IS NULL AND (\"id\" > ? OR \"id\" IS NULL))) ORDER BY");
        assertThat(sql.parameters()).containsExactly("0190f0c4-95b4-7c8e-8f6b-2a9b3c4d5e6f", 11, 0L);
    }

    @Test
    void aCursorFollowsTheFiltersWithTheirValuesBoundFirst() {
        RecordQuery query = new RecordQuery(FilterParser.parse("[{\"field\": \"code\", \"operator\": \"gt\", \"value\": 1}]", WELLS),
                List.of(new SortField("code", false)), List.of(), 1, 10, true).after(List.of(5L, "x"));

        SqlQuery sql = PageSql.select(WELLS, query);

        assertThat(sql.sql()).contains(" WHERE \"code\" > ? AND (((\"code\" > ? OR \"code\" IS NULL)) OR (\"code\" = ? AND (\"id\" > ? OR \"id\" IS NULL)))");
        assertThat(sql.parameters()).containsExactly(1L, 5L, 5L, "x", 11, 0L);
    }

    @Test
    void anEqualityOnAnIndexedPropertyIsLookedUpAloneBeforeTheOtherFilters() {
        SqlQuery sql = PageSql.select(INDEXED, query(INDEXED, """
                [{"field": "name", "operator": "eq", "value": "w"}, {"field": "code", "operator": "eq", "value": 7}]""", true));

        assertThat(sql.sql()).startsWith("WITH \"matching\" AS MATERIALIZED (SELECT \"id\", \"created_at\", \"name\""
                        + " FROM \"wells\" WHERE \"code\" = ?) SELECT ")
                .contains(" FROM \"matching\" WHERE \"name\" = ? ORDER BY");
        assertThat(sql.parameters()).containsExactly(7L, "w", 21, 40L);
    }

    @Test
    void aLookedUpPageSelectsOnlyIdsAndOrderKeys() {
        RecordQuery query = query(INDEXED, "[{\"field\": \"code\", \"operator\": \"eq\", \"value\": 7}]", true);

        assertThat(PageSql.looksUp(INDEXED, query.filters())).isTrue();
        assertThat(PageSql.select(INDEXED, query).sql()).isEqualTo("WITH \"matching\" AS MATERIALIZED (SELECT \"id\", \"created_at\""
                + " FROM \"wells\" WHERE \"code\" = ?) SELECT \"id\", \"created_at\" AS \"duckforge key 0\", \"id\" AS \"duckforge key 1\""
                + " FROM \"matching\" ORDER BY \"created_at\" ASC NULLS LAST, \"id\" ASC NULLS LAST LIMIT ? OFFSET ?");
    }

    @Test
    void aLookedUpPagesRecordsAreReadByTheirIds() {
        assertThat(PageSql.selectByIds(INDEXED, List.of("name"), 4)).isEqualTo("SELECT \"id\", \"created_at\", \"updated_at\","
                + " \"version\", \"name\" FROM \"wells\" WHERE \"id\" IN (?, ?, ?, ?)");
    }

    @Test
    void anInOnAUniquePropertyIsLookedUpToo() {
        assertThat(PageSql.select(INDEXED, query(INDEXED, "[{\"field\": \"serial\", \"operator\": \"in\", \"value\": [\"a\", \"b\"]}]", true))
                .sql()).startsWith("WITH \"matching\" AS MATERIALIZED (SELECT \"id\", \"created_at\" FROM \"wells\" WHERE \"serial\" = ?"
                        + " UNION ALL SELECT \"id\", \"created_at\" FROM \"wells\" WHERE \"serial\" = ?)");
    }

    @Test
    void anInLookupAsksForEachDistinctValueOnce() {
        SqlQuery sql = PageSql.count(INDEXED, FilterParser.parse("[{\"field\": \"code\", \"operator\": \"in\", \"value\": [7, 8, 7]}]", INDEXED));

        assertThat(sql.sql()).isEqualTo("WITH \"matching\" AS MATERIALIZED (SELECT 1 FROM \"wells\" WHERE \"code\" = ?"
                + " UNION ALL SELECT 1 FROM \"wells\" WHERE \"code\" = ?) SELECT count(*) FROM \"matching\"");
        assertThat(sql.parameters()).containsExactly(7L, 8L);
    }

    @Test
    void aLongInLookupStaysOneInList() {
        String values = java.util.stream.LongStream.rangeClosed(1, PageSql.IN_LOOKUP_BRANCHES + 1).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));

        assertThat(PageSql.count(INDEXED, FilterParser.parse("[{\"field\": \"code\", \"operator\": \"in\", \"value\": " + values + "}]", INDEXED))
                .sql()).contains(" WHERE \"code\" IN (?, ").doesNotContain("UNION ALL");
    }

    @Test
    void theIdIsAlwaysIndexed() {
        assertThat(PageSql.select(WELLS, query(WELLS, "[{\"field\": \"id\", \"operator\": \"eq\", \"value\": "
                + "\"0190f0c4-95b4-7c8e-8f6b-2a9b3c4d5e6f\"}]", true)).sql()).startsWith("WITH \"matching\"");
    }

    @Test
    void aRangeOnAnIndexedPropertyIsNotALookup() {
        assertThat(PageSql.select(INDEXED, query(INDEXED, "[{\"field\": \"code\", \"operator\": \"gt\", \"value\": 7}]", true))
                .sql()).startsWith("SELECT ");
    }
}

package io.duckforge.query;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;

import static io.duckforge.query.QueryTestSchemas.WELLS;
import static org.assertj.core.api.Assertions.assertThat;

class RecordSqlBuilderTest {

    @Test
    void quotesIdentifiersAndDoublesEmbeddedQuotes() {
        assertThat(RecordSqlBuilder.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void eachComparisonHasItsOperator() {
        SqlQuery sql = PageSql.count(WELLS, FilterParser.parse("""
                [{"field": "code", "operator": "eq", "value": 1}, {"field": "code", "operator": "ne", "value": 2},
                 {"field": "code", "operator": "gt", "value": 3}, {"field": "code", "operator": "gte", "value": 4},
                 {"field": "code", "operator": "lt", "value": 5}, {"field": "code", "operator": "lte", "value": 6},
                 {"field": "name", "operator": "like", "value": "a%"}, {"field": "name", "operator": "is_not_null"}]""", WELLS));

        assertThat(sql.sql()).isEqualTo("SELECT count(*) FROM \"wells\" WHERE \"code\" = ? AND \"code\" <> ? AND \"code\" > ?"
                + " AND \"code\" >= ? AND \"code\" < ? AND \"code\" <= ? AND \"name\" LIKE ? ESCAPE '\\' AND \"name\" IS NOT NULL");
        assertThat(sql.parameters()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, "a%");
    }

    @Test
    void anInsertNamesSystemColumnsThenEveryProperty() {
        assertThat(RecordSqlBuilder.insert(WELLS)).isEqualTo("INSERT INTO \"wells\" (\"id\", \"created_at\", \"updated_at\", \"version\","
                + " \"name\", \"code\", \"oil\", \"active\", \"day\", \"at\", \"ref\", \"raw\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    @Test
    void anUnsortedStreamHasNoOrder() {
        SqlQuery sql = RecordSqlBuilder.selectExport(WELLS, new ExportQuery(List.of(), List.of(), List.of("code"), OptionalLong.empty()));

        assertThat(sql.sql()).isEqualTo("SELECT \"id\", \"created_at\", \"updated_at\", \"version\", \"code\" FROM \"wells\"");
    }

    @Test
    void aResumedStreamStartsAfterItsKeysInPageOrderBeforeItsLimit() {
        ExportQuery query = new ExportQuery(FilterParser.parse("[{\"field\": \"code\", \"operator\": \"gt\", \"value\": 1}]", WELLS),
                List.of(), List.of("code"), OptionalLong.of(5)).after(List.of(OffsetDateTime.parse("2026-01-01T00:00Z"), "x"));

        SqlQuery sql = RecordSqlBuilder.selectExport(WELLS, query);

        assertThat(sql.sql()).endsWith(" FROM \"wells\" WHERE \"code\" > ? AND (((\"created_at\" > ? OR \"created_at\" IS NULL))"
                + " OR (\"created_at\" = ? AND (\"id\" > ? OR \"id\" IS NULL)))"
                + " ORDER BY \"created_at\" ASC NULLS LAST, \"id\" ASC NULLS LAST LIMIT ?");
        assertThat(sql.parameters()).containsExactly(1L, OffsetDateTime.parse("2026-01-01T00:00Z"),
                OffsetDateTime.parse("2026-01-01T00:00Z"), "x", 5L);
    }
}

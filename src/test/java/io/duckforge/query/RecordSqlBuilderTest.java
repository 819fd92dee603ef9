package io.duckforge.query;

import org.junit.jupiter.api.Test;

import java.util.List;

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
}

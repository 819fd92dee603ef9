package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.duckforge.query.FilterParser;
import io.duckforge.query.PageSql;
import io.duckforge.query.RecordQuery;
import io.duckforge.query.RecordSqlBuilder;
import io.duckforge.query.SqlQuery;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.SchemaCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.ArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that should go through an ART index do: DuckDB decides between an index scan and a sequential one when the
 * query starts, so {@code EXPLAIN ANALYZE} (not {@code EXPLAIN}) of the statement the service runs, with its values
 * bound, tells which it took.
 */
@QuarkusTest
class IndexLookupPlanTest {

    private static final String PROPERTIES = """
            [{"name": "sensor", "type": "string", "indexed": true},
             {"name": "serial", "type": "string", "unique": true},
             {"name": "reading", "type": "integer"},
             {"name": "station", "type": "integer", "indexed": true}]""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchemaCatalog catalog;

    private DatasetSchema schema;

    @BeforeEach
    void seed() {
        String name = "lookups_" + System.nanoTime() % 1_000_000;
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"properties\": " + PROPERTIES + "}")
                .when().post("/api/v1/schemas").then().statusCode(201);
        // Bodies of 400 rows: the test profile's bulk limit is 500.
        for (int body = 0; body < 5; body++) {
            String rows = IntStream.range(body * 400, (body + 1) * 400)
                    .mapToObj(i -> "{\"sensor\": \"s" + i % 200 + "\", \"serial\": \"n" + i + "\", \"reading\": " + i
                            + ", \"station\": " + i % 500 + "}")
                    .collect(Collectors.joining(", ", "[", "]"));
            given().contentType(ContentType.JSON).body(rows).when().post("/api/v1/records/" + name + "/bulk").then().statusCode(201);
        }
        schema = catalog.require(name);
    }

    private String plan(SqlQuery query) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN ANALYZE " + query.sql())) {
            DuckDbValues.bind(statement, query.parameters());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(2);
            }
        }
    }

    private SqlQuery page(String filters) {
        return PageSql.select(schema, new RecordQuery(FilterParser.parse(filters, schema), List.of(), List.of(), 1, 10, true));
    }

    // Ids the table holds: for one outside every zone map, DuckDB answers from statistics and scans nothing.
    private List<Object> storedIds(int count) throws Exception {
        List<Object> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM " + RecordSqlBuilder.quoted(schema.name())
                     + " ORDER BY reading LIMIT " + count + " OFFSET 777")) {
            while (rows.next()) {
                ids.add(rows.getObject(1));
            }
        }
        return ids;
    }

    @Test
    void aReadByIdUsesThePrimaryKeyIndex() throws Exception {
        assertThat(plan(new SqlQuery(RecordSqlBuilder.selectById(schema), storedIds(1)))).contains("Index Scan");
    }

    @Test
    void theRecordsOfALookedUpPageAreReadThroughThePrimaryKeyIndex() throws Exception {
        assertThat(plan(new SqlQuery(PageSql.selectByIds(schema, List.of(), 16), storedIds(16)))).contains("Index Scan");
    }

    @Test
    void aPageFilteredByEqualityOnAnIndexedPropertyUsesItsIndex() throws Exception {
        assertThat(plan(page("[{\"field\": \"sensor\", \"operator\": \"eq\", \"value\": \"s7\"},"
                + " {\"field\": \"reading\", \"operator\": \"gt\", \"value\": 100}]"))).contains("Index Scan");
    }

    @Test
    void aPageFilteredByInOnAUniquePropertyUsesItsIndex() throws Exception {
        assertThat(plan(page("[{\"field\": \"serial\", \"operator\": \"in\", \"value\": [\"n1\", \"n2\"]}]"))).contains("Index Scan");
    }

    @Test
    void aPageFilteredByInOfConsecutiveIntegersUsesTheIndex() throws Exception {
        // DuckDB reads IN (5, 6, 7) as a range, which no ART index serves; the page asks value by value.
        assertThat(plan(page("[{\"field\": \"station\", \"operator\": \"in\", \"value\": [5, 6, 7]}]")))
                .contains("Index Scan").doesNotContain("Sequential Scan");
    }

    @Test
    void aPageFilteredOnAnUnindexedPropertyScans() throws Exception {
        assertThat(plan(page("[{\"field\": \"reading\", \"operator\": \"eq\", \"value\": 7}]")))
                .contains("Sequential Scan").doesNotContain("Index Scan");
    }
}

package io.duckforge.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PreparedStatementCacheTest {

    private static final String SQL = "SELECT ?::BIGINT + 1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PreparedStatementCache cache;

    @Test
    void theSameSqlOnTheSameConnectionReusesItsStatementWithFreshParameters() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement first = cache.prepare(connection, SQL);
            first.setLong(1, 1);
            first.executeQuery().close();

            PreparedStatement second = cache.prepare(connection, SQL);
            second.setLong(1, 41);
            try (ResultSet row = second.executeQuery()) {
                row.next();
                assertThat(second).isSameAs(first);
                assertThat(row.getLong(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aClosedStatementIsPreparedAnew() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement first = cache.prepare(connection, SQL);
            first.close();

            PreparedStatement second = cache.prepare(connection, SQL);
            assertThat(second).isNotSameAs(first);
            assertThat(second.isClosed()).isFalse();
        }
    }
}

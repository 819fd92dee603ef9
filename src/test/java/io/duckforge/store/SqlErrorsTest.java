package io.duckforge.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {

    @Test
    void aPoolThatStayedBusyIsAnOverloadToRetryNotAServerError() {
        // Agroal's own words when no connection came free within the acquisition timeout.
        RuntimeException translated = SqlErrors.translate("Reading", new SQLException("Sorry, acquisition timeout!"));

        assertThat(translated).isInstanceOf(OverloadedException.class);
    }
}

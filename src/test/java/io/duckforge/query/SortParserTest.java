package io.duckforge.query;

import io.duckforge.schema.ValidationException;
import org.junit.jupiter.api.Test;

import static io.duckforge.query.QueryTestSchemas.WELLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortParserTest {

    @Test
    void parsesSeveralKeysInOrderWithAscendingAsDefault() {
        assertThat(SortParser.parse("[{\"field\": \"oil\", \"order\": \"desc\"}, {\"field\": \"name\"}, {\"field\": \"created_at\", \"order\": \"asc\"}]", WELLS))
                .containsExactly(new SortField("oil", true), new SortField("name", false), new SortField("created_at", false));
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> SortParser.parse("[{\"field\": \"oil; DROP TABLE wells\"}]", WELLS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown field");
    }

    @Test
    void anUnknownOrderIsRefused() {
        assertThatThrownBy(() -> SortParser.parse("[{\"field\": \"oil\", \"order\": \"DESC NULLS FIRST\"}]", WELLS))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aFieldSortedTwiceIsRefused() {
        assertThatThrownBy(() -> SortParser.parse("[{\"field\": \"oil\"}, {\"field\": \"oil\", \"order\": \"desc\"}]", WELLS))
                .isInstanceOf(ValidationException.class);
    }
}

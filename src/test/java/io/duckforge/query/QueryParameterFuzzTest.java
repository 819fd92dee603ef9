package io.duckforge.query;

import io.duckforge.schema.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.duckforge.query.QueryTestSchemas.WELLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Random and mutated parameters: the parsers either accept them or refuse them with a {@link ValidationException};
 * no other exception may escape (it would be a 500).
 */
class QueryParameterFuzzTest {

    private static final long SEED = 20261129L;
    private static final int CASES = 20_000;
    private static final String[] FRAGMENTS = {
            "[", "]", "{", "}", ",", ":", "\"field\"", "\"operator\"", "\"value\"", "\"order\"", "\"code\"", "\"name\"",
            "\"day\"", "\"at\"", "\"raw\"", "\"ref\"", "\"eq\"", "\"in\"", "\"like\"", "\"is_null\"", "\"desc\"", "1", "-1.5",
            "1e400", "99999999999999999999", "null", "true", "\"2024-01-01\"", "\"x\"", "\"\\u0000\"", "[]", "{}", "'", ";"};
    private static final String[] VALID = {
            "[{\"field\": \"code\", \"operator\": \"in\", \"value\": [1, 2]}]",
            "[{\"field\": \"day\", \"operator\": \"gte\", \"value\": \"2024-01-01\"}]",
            "[{\"field\": \"name\", \"order\": \"desc\"}]"};

    @Test
    void randomParametersAreAcceptedOrRefusedAsValidationErrors() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String input = i % 2 == 0 ? fromFragments(random) : mutated(random);
            assertOnlyValidationErrors(() -> FilterParser.parse(input, WELLS), input);
            assertOnlyValidationErrors(() -> SortParser.parse(input, WELLS), input);
            assertOnlyValidationErrors(() -> RecordQueryParser.parseFields(input, WELLS), input);
        }
    }

    private static void assertOnlyValidationErrors(Runnable parse, String input) {
        Throwable thrown = catchThrowable(parse::run);
        assertThat(thrown).as("input: %s", input).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(ValidationException.class));
    }

    private static String fromFragments(Random random) {
        StringBuilder input = new StringBuilder();
        int length = 1 + random.nextInt(16);
        for (int i = 0; i < length; i++) {
            input.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return input.toString();
    }

    private static String mutated(Random random) {
        StringBuilder input = new StringBuilder(VALID[random.nextInt(VALID.length)]);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && input.length() > 0; i++) {
            int at = random.nextInt(input.length());
            switch (random.nextInt(3)) {
                case 0 -> input.deleteCharAt(at);
                case 1 -> input.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> input.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return input.toString();
    }
}

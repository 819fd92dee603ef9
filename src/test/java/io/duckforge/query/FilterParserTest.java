package io.duckforge.query;

import io.duckforge.schema.FieldError;
import io.duckforge.schema.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.duckforge.query.QueryTestSchemas.WELLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilterParserTest {

    private static List<FieldError> errors(String json) {
        return catchThrowableOfType(ValidationException.class, () -> FilterParser.parse(json, WELLS)).errors();
    }

    @Test
    void noParameterMeansNoFilter() {
        assertThat(FilterParser.parse(null, WELLS)).isEmpty();
        assertThat(FilterParser.parse(" ", WELLS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eq  | 5", "ne  | 5", "gt  | 5", "gte | 5", "lt  | 5", "lte | 5", "in  | [5, 6]"})
    void comparisonOperatorsConvertTheValueToTheFieldType(String operator, String value) {
        Filter filter = FilterParser.parse("[{\"field\": \"code\", \"operator\": \"" + operator + "\", \"value\": " + value + "}]", WELLS).get(0);

        assertThat(filter.operator().wireName()).isEqualTo(operator);
        assertThat(filter.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Long.class));
    }

    @Test
    void likeAndIlikeTakeAPattern() {
        List<Filter> filters = FilterParser.parse("""
                [{"field": "name", "operator": "like", "value": "W%"}, {"field": "name", "operator": "ilike", "value": "w%"}]""", WELLS);
        assertThat(filters).extracting(Filter::operator).containsExactly(FilterOperator.LIKE, FilterOperator.ILIKE);
    }

    @Test
    void nullTestsTakeNoValue() {
        List<Filter> filters = FilterParser.parse("""
                [{"field": "oil", "operator": "is_null"}, {"field": "raw", "operator": "is_not_null"}]""", WELLS);
        assertThat(filters).allSatisfy(f -> assertThat(f.values()).isEmpty());
        assertThat(errors("[{\"field\": \"oil\", \"operator\": \"is_null\", \"value\": 1}]"))
                .extracting(FieldError::field).containsExactly("filters[0].value");
    }

    @Test
    void aDateStringComparesAsADateAndADateTimeAsAnInstant() {
        List<Filter> filters = FilterParser.parse("""
                [{"field": "day", "operator": "gte", "value": "2024-01-01"},
                 {"field": "at", "operator": "lt", "value": "2024-01-01T02:00:00+02:00"},
                 {"field": "ref", "operator": "eq", "value": "7d444840-9dc0-11d1-b245-5ffdce74fad2"}]""", WELLS);

        assertThat(filters.get(0).values()).containsExactly(LocalDate.of(2024, 1, 1));
        assertThat(filters.get(1).values()).containsExactly(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(filters.get(2).values()).containsExactly(UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"));
    }

    @Test
    void systemColumnsCanBeFiltered() {
        assertThat(FilterParser.parse("[{\"field\": \"version\", \"operator\": \"gt\", \"value\": 1}]", WELLS)).hasSize(1);
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThat(errors("[{\"field\": \"nope\", \"operator\": \"eq\", \"value\": 1}]"))
                .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("filters[0].field"));
    }

    @Test
    void anUnknownOperatorIsRefusedListingTheOperators() {
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"between\", \"value\": 1}]"))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("between").contains("is_not_null"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"eq\", \"value\": \"12\"}]"))
                .extracting(FieldError::field).containsExactly("filters[0].value");
        assertThat(errors("[{\"field\": \"day\", \"operator\": \"eq\", \"value\": \"yesterday\"}]"))
                .extracting(FieldError::field).containsExactly("filters[0].value");
    }

    @Test
    void inNeedsANonEmptyArrayAndChecksEachValue() {
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"in\", \"value\": []}]")).hasSize(1);
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"in\", \"value\": [1, \"x\"]}]"))
                .extracting(FieldError::field).containsExactly("filters[0].value[1]");
    }

    @Test
    void likeAppliesToStringsOnly() {
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"like\", \"value\": \"1%\"}]")).hasSize(1);
    }

    @Test
    void malformedJsonIsAValidationError() {
        assertThat(errors("[{\"field\": ")).extracting(FieldError::field).containsExactly("filters");
        assertThat(errors("{\"field\": \"code\"}")).extracting(FieldError::field).containsExactly("filters");
    }

    @Test
    void eqWithNullIsRefusedInFavourOfIsNull() {
        assertThat(errors("[{\"field\": \"code\", \"operator\": \"eq\", \"value\": null}]"))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("is_null"));
    }

    @Test
    void everyBadFilterIsReported() {
        assertThat(errors("""
                [{"field": "nope", "operator": "eq", "value": 1}, {"field": "code", "operator": "eq", "value": "x"}]"""))
                .extracting(FieldError::field).containsExactly("filters[0].field", "filters[1].value");
    }
}

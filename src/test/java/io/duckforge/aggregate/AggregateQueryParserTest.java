package io.duckforge.aggregate;

import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AggregateQueryParserTest {

    private static final DatasetSchema WELLS = new DatasetSchema("wells", null, 1, List.of(
            property("field", PropertyType.STRING),
            property("well", PropertyType.STRING),
            property("oil", PropertyType.NUMBER),
            property("wells", PropertyType.INTEGER),
            property("active", PropertyType.BOOLEAN),
            property("day", PropertyType.DATE),
            property("at", PropertyType.DATETIME),
            property("raw", PropertyType.JSON)));

    private static PropertyDefinition property(String name, PropertyType type) {
        return new PropertyDefinition(name, type, false, false, false, null, null);
    }

    private static AggregateQuery parse(String groupBy, String metrics) {
        return AggregateQueryParser.parseParameters(WELLS, groupBy, metrics, null, null, null, null, null, false);
    }

    private static List<String> errorFields(String groupBy, String metrics) {
        return catchThrowableOfType(ValidationException.class, () -> parse(groupBy, metrics)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void withoutMetricsEachGroupCountsItsRows() {
        AggregateQuery query = parse("[\"field\"]", null);

        assertThat(query.columns()).containsExactly("field", "count");
        assertThat(query.limit()).isEqualTo(AggregateQueryParser.DEFAULT_LIMIT);
        assertThat(query.timeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aBucketKeyIsNamedAfterItsPropertyAndPeriod() {
        assertThat(parse("[{\"field\": \"at\", \"bucket\": \"quarter\"}]", null).columns()).containsExactly("at_quarter", "count");
    }

    @Test
    void aMetricIsNamedByAsElseByFunctionAndField() {
        AggregateQuery query = parse(null, "[{\"fn\": \"sum\", \"field\": \"oil\"}, {\"fn\": \"avg\", \"field\": \"oil\", \"as\": \"mean\"}]");

        assertThat(query.columns()).containsExactly("sum_oil", "mean");
    }

    @Test
    void anUnknownPropertyInGroupByIsNamedByItsEntry() {
        assertThat(errorFields("[\"field\", \"nope\"]", null)).containsExactly("group_by[1]");
    }

    @Test
    void anUnknownPropertyInAMetricIsNamedByItsEntry() {
        assertThat(errorFields(null, "[{\"fn\": \"max\", \"field\": \"nope\"}]")).containsExactly("metrics[0].field");
    }

    @ParameterizedTest
    @CsvSource({"sum, well", "avg, day", "quantile, at", "median, active", "stddev, well", "min, raw", "count_distinct, raw"})
    void aFunctionWithoutMeaningForTheTypeIsRefused(String fn, String field) {
        String q = fn.equals("quantile") ? ", \"q\": 0.5" : "";
        assertThat(errorFields(null, "[{\"fn\": \"" + fn + "\", \"field\": \"" + field + "\"" + q + "}]"))
                .containsExactly("metrics[0].field");
    }

    @Test
    void aBucketOnAPropertyThatIsNotATimeIsRefused() {
        assertThat(errorFields("[{\"field\": \"oil\", \"bucket\": \"month\"}]", null)).containsExactly("group_by[0].bucket");
    }

    @Test
    void anHourBucketOnADateIsRefused() {
        assertThat(errorFields("[{\"field\": \"day\", \"bucket\": \"hour\"}]", null)).containsExactly("group_by[0].bucket");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5", "-0.1", "\"half\"", "null"})
    void aQuantileNeedsAQBetweenZeroAndOne(String q) {
        assertThat(errorFields(null, "[{\"fn\": \"quantile\", \"field\": \"oil\", \"q\": " + q + "}]")).containsExactly("metrics[0].q");
    }

    @Test
    void onlyQuantileTakesQ() {
        assertThat(errorFields(null, "[{\"fn\": \"median\", \"field\": \"oil\", \"q\": 0.5}]")).containsExactly("metrics[0].q");
    }

    @Test
    void twoMetricsWithOneNameClash() {
        assertThat(errorFields(null, "[{\"fn\": \"sum\", \"field\": \"oil\"}, {\"fn\": \"max\", \"field\": \"oil\", \"as\": \"sum_oil\"}]"))
                .containsExactly("metrics[1].as");
    }

    @Test
    void aMetricNamedLikeAGroupKeyClashes() {
        assertThat(errorFields("[\"well\"]", "[{\"fn\": \"count\", \"as\": \"well\"}]")).containsExactly("metrics[0].as");
    }

    @Test
    void aMetricNameMustLookLikeAPropertyName() {
        assertThat(errorFields(null, "[{\"fn\": \"count\", \"as\": \"Robert'); DROP\"}]")).containsExactly("metrics[0].as");
    }

    @Test
    void countOfRowsTakesNoFieldButOtherFunctionsNeedOne() {
        assertThat(parse(null, "[{\"fn\": \"count\", \"field\": \"oil\"}]").columns()).containsExactly("count_oil");
        assertThat(errorFields(null, "[{\"fn\": \"sum\"}]")).containsExactly("metrics[0].field");
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        assertThat(errorFields("[\"nope\"]", "[{\"fn\": \"avg\", \"field\": \"well\"}, {\"fn\": \"nope\"}]"))
                .containsExactlyInAnyOrder("group_by[0]", "metrics[0].field", "metrics[1].fn");
    }

    @Test
    void havingNamesMetricsNotProperties() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> AggregateQueryParser.parseParameters(WELLS,
                "[\"well\"]", null, null, "[{\"field\": \"oil\", \"operator\": \"gt\", \"value\": 1}]", null, null, null, false));

        assertThat(error.errors()).extracting(FieldError::field).containsExactly("having[0].field");
    }

    @Test
    void sortNamesGroupKeysOrMetrics() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> AggregateQueryParser.parseParameters(WELLS,
                "[\"well\"]", null, null, null, "[{\"field\": \"oil\"}]", null, null, false));

        assertThat(error.errors()).extracting(FieldError::field).containsExactly("sort[0].field");
    }

    @Test
    void aJsonAnswerHasAMaximumLimitAndAStreamHasNone() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> AggregateQueryParser.parseParameters(WELLS,
                null, null, null, null, null, "10001", null, false)).errors()).extracting(FieldError::field).containsExactly("limit");
        assertThat(AggregateQueryParser.parseParameters(WELLS, null, null, null, null, null, "10001", null, true).limit()).isEqualTo(10001);
        assertThat(AggregateQueryParser.parseParameters(WELLS, null, null, null, null, null, null, null, true).limit()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Mars/Olympus", "+02:00", "CET1"})
    void aTimeZoneMustBeAnIanaName(String tz) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> AggregateQueryParser.parseParameters(WELLS,
                null, null, null, null, null, null, tz, false)).errors()).extracting(FieldError::field).containsExactly("tz");
    }
}

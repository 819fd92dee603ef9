package io.duckforge.store;

import io.duckforge.schema.PropertyType;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.duckforge.schema.PropertyValueConverter.MAX_YEAR;
import static io.duckforge.schema.PropertyValueConverter.MIN_YEAR;

/**
 * The value rules of {@link io.duckforge.schema.PropertyValueConverter}, for columns DuckDB reads itself (Parquet and
 * Arrow bodies). A column's own type must already mean the property's type: DuckDB's CAST would turn {@code 1.5}
 * into {@code 2}, {@code "12"} into {@code 12}, {@code true} into {@code 1.0} and a struct into text, all of which a
 * JSON body is refused for. Then each value must pass what the converter checks: finite numbers, 64-bit integers,
 * years 0001 to 9999, canonical UUID text, valid JSON text with finite numbers. A timestamp without a time zone is refused as a JSON
 * date-time without an offset is.
 */
final class ColumnValueRules {

    private static final Set<String> INTEGER_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");
    private static final Set<String> FLOAT_TYPES = Set.of("FLOAT", "DOUBLE");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("DECIMAL\\(\\d+,\\s*0\\)");
    private static final String TIMESTAMP_WITH_ZONE = "TIMESTAMP WITH TIME ZONE";
    private static final String CANONICAL_UUID =
            "'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'";

    private static final String MAYBE_NON_FINITE = "'(?i)nan|inf|[eE][-+]?[0-9]{3}|[0-9]{200}'";
    private static final String JSON_STRING = "'\"(?:[^\"\\\\]|\\\\.)*\"'";
    private static final String NUMBER_TOKEN = "'[-+]?(?:(?i:nan|infinity|inf)|[0-9.][0-9.]*(?:[eE][-+]?[0-9]+)?)'";

    private ColumnValueRules() {
    }

    /** @return why a column of {@code sourceType} cannot hold values of the property type, if it cannot */
    static Optional<String> refusedType(PropertyType type, String sourceType) {
        boolean accepted = switch (type) {
            case STRING -> sourceType.equals("VARCHAR");
            case INTEGER -> INTEGER_TYPES.contains(sourceType) || WHOLE_DECIMAL.matcher(sourceType).matches();
            case NUMBER -> INTEGER_TYPES.contains(sourceType) || FLOAT_TYPES.contains(sourceType)
                    || sourceType.startsWith("DECIMAL(");
            case BOOLEAN -> sourceType.equals("BOOLEAN");
            case DATE -> sourceType.equals("DATE");
            case DATETIME -> sourceType.equals(TIMESTAMP_WITH_ZONE);
            case UUID -> sourceType.equals("UUID") || sourceType.equals("VARCHAR");
            case JSON -> sourceType.equals("JSON") || sourceType.equals("VARCHAR");
        };
        return accepted ? Optional.empty() : Optional.of("a " + type.wireName() + " property takes " + expected(type)
                + " column; this one is " + sourceType);
    }

    /**
     * A condition, true for a non-null value of a column whose type {@link #refusedType} accepted that the property
     * refuses; never true for a null.
     */
    static String invalidValue(PropertyType type, String sourceType, String column) {
        return "(" + column + " IS NOT NULL AND (" + refusedValue(type, sourceType, column) + "))";
    }

    private static String refusedValue(PropertyType type, String sourceType, String column) {
        return switch (type) {
            case INTEGER -> "TRY_CAST(" + column + " AS BIGINT) IS NULL";
            case NUMBER -> "NOT isfinite(CAST(" + column + " AS DOUBLE))";
            case DATE -> column + " < DATE '" + year(MIN_YEAR) + "-01-01' OR " + column + " > DATE '" + year(MAX_YEAR) + "-12-31'";
            case DATETIME -> column + " < TIMESTAMPTZ '" + year(MIN_YEAR) + "-01-01 00:00:00+00' OR " + column
                    + " > TIMESTAMPTZ '" + year(MAX_YEAR) + "-12-31 23:59:59.999999+00'";
            case UUID -> sourceType.equals("VARCHAR") ? "NOT regexp_full_match(" + column + ", " + CANONICAL_UUID + ")" : "FALSE";
            case JSON -> "NOT json_valid(" + column + ") OR " + nonFiniteNumberIn(column);
            case STRING, BOOLEAN -> "FALSE";
        };
    }

    /**
     * DuckDB's JSON reader takes {@code NaN}, {@code Infinity} and numbers beyond a double ({@code 1e400}), which no
     * JSON body may carry: any number in the document that is not a finite double. Only a document whose text holds
     * {@code nan}, {@code inf}, an exponent of three digits or a run of 200 digits can have one (a number of at most
     * 199 integer digits and a two-digit exponent stays below 1e308), and only such a document is looked at closely:
     * its strings blanked out, every remaining number cast to a double. Scalar functions all of it: the
     * {@code json_tree} subquery this replaces ran for every row whatever guarded it, and made a Parquet body of 2M
     * rows load 4.5 times slower (6 s for the check alone, against 0.23 s).
     */
    private static String nonFiniteNumberIn(String column) {
        return "CASE WHEN regexp_matches(" + column + ", " + MAYBE_NON_FINITE + ") THEN coalesce(list_bool_or(list_transform("
                + "regexp_extract_all(regexp_replace(" + column + ", " + JSON_STRING + ", '\"\"', 'g'), " + NUMBER_TOKEN + "), "
                + "lambda token: NOT coalesce(isfinite(TRY_CAST(token AS DOUBLE)), false))), false) ELSE false END";
    }

    private static String expected(PropertyType type) {
        return switch (type) {
            case STRING -> "a string (VARCHAR)";
            case INTEGER -> "an integer";
            case NUMBER -> "a numeric";
            case BOOLEAN -> "a BOOLEAN";
            case DATE -> "a DATE";
            case DATETIME -> "a timestamp with time zone (UTC-adjusted)";
            case UUID -> "a UUID or string";
            case JSON -> "a JSON or string";
        };
    }

    private static String year(int year) {
        return String.format("%04d", year);
    }
}

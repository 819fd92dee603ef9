package io.duckforge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyDefinition;
import io.duckforge.schema.SystemColumn;
import io.duckforge.schema.ValidationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a CSV body as data objects, so they pass the same {@link io.duckforge.schema.RecordValidator} as JSON.
 * The header names properties (and system columns, kept as for any bulk row); an empty unquoted field leaves the
 * property out (its default applies). Text that
 * does not parse as the property's type stays text, and the validator refuses it with the row and field named.
 */
final class CsvRows implements BulkIngest.RowSource {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final DatasetSchema schema;
    private final CsvReader reader;
    private final ObjectMapper mapper;
    private PropertyDefinition[] columns;
    private long row;

    CsvRows(DatasetSchema schema, InputStream body, ObjectMapper mapper) throws IOException {
        this.schema = schema;
        this.reader = new CsvReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024));
        this.mapper = mapper;
    }

    @Override
    public JsonNode next() throws IOException {
        if (columns == null) {
            columns = header(reader.next());
        }
        List<String> fields = reader.next();
        // A blank line is no record, as for most CSV writers and readers; a trailing one ends many files.
        while (fields != null && fields.size() == 1 && fields.get(0) == null) {
            fields = reader.next();
        }
        if (fields == null) {
            return null;
        }
        if (fields.size() != columns.length) {
            throw new ValidationException(new FieldError("", row, "expected " + columns.length + " fields, found " + fields.size()));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < columns.length; i++) {
            if (fields.get(i) != null) {
                data.set(columns[i].name(), value(columns[i], fields.get(i)));
            }
        }
        row++;
        return data;
    }

    private PropertyDefinition[] header(List<String> names) {
        if (names == null) {
            throw new ValidationException(FieldError.of("", "a CSV body needs a header row of property names"));
        }
        PropertyDefinition[] header = new PropertyDefinition[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            if (i == 0 && name.startsWith(BYTE_ORDER_MARK)) {
                name = name.substring(1);
            }
            if (!seen.add(name)) {
                throw new ValidationException(FieldError.of(name, "the header names '" + name + "' more than once"));
            }
            String column = name;
            header[i] = schema.property(column)
                    .or(() -> SystemColumn.fromColumnName(column)
                            .map(system -> new PropertyDefinition(column, system.type(), false, false, false, null, null)))
                    .orElseThrow(() -> new ValidationException(FieldError.of(column,
                            "the header names '" + column + "', which is not a property of dataset '" + schema.name() + "'")));
        }
        return header;
    }

    /**
     * Numbers are read with JSON's grammar (no {@code 0x1p3}, {@code 1.5d}, {@code +1} or {@code NaN}), so a CSV
     * field means what the same text means in a JSON body.
     */
    private JsonNode value(PropertyDefinition property, String text) {
        try {
            return switch (property.type()) {
                case INTEGER -> JsonNumberSyntax.isInteger(text.trim())
                        ? LongNode.valueOf(Long.parseLong(text.trim())) : TextNode.valueOf(text);
                case NUMBER -> JsonNumberSyntax.isNumber(text.trim())
                        ? DoubleNode.valueOf(Double.parseDouble(text.trim())) : TextNode.valueOf(text);
                case BOOLEAN -> text.trim().equals("true") ? BooleanNode.TRUE
                        : text.trim().equals("false") ? BooleanNode.FALSE : TextNode.valueOf(text);
                case JSON -> mapper.readTree(text);
                default -> TextNode.valueOf(text);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException(new FieldError(property.name(), row, "not valid JSON: " + e.getOriginalMessage()));
        }
    }
}

package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * What a json property's document may hold: finite numbers (JSON has no {@code Infinity}, yet {@code 1e400} parses
 * to one) and well-formed text in keys and values, so the stored document reads back as the one sent.
 */
final class JsonDocumentRules {

    private JsonDocumentRules() {
    }

    static void check(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw new IllegalArgumentException("a number in the document is out of range for a 64-bit float");
            }
        } else if (node.isTextual()) {
            PropertyValueConverter.wellFormed(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                PropertyValueConverter.wellFormed(field.getKey());
                check(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                check(element);
            }
        }
    }
}

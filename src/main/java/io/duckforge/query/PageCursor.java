package io.duckforge.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckforge.schema.DatasetSchema;
import io.duckforge.schema.FieldError;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.ValidationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque, tamper-evident keyset cursors: the order keys of a page's last record, tied to the dataset, its filters and
 * its sort. A cursor is {@code base64url(payload).base64url(HMAC-SHA256(payload))}; a cursor whose signature does not
 * verify, or that was made for another dataset, other filters or another sort, is refused with 400.
 */
public final class PageCursor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @param secret at least 32 bytes */
    public PageCursor(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @param keys the values of {@link RecordSqlBuilder#orderKeys} of the last record, in that order */
    public String encode(DatasetSchema schema, List<Filter> filters, List<SortField> sort, List<Object> keys) {
        ObjectNode payload = JSON.createObjectNode().put("q", scope(schema, filters, sort));
        ArrayNode values = payload.putArray("k");
        keys.forEach(value -> values.add(value == null ? null : value.toString()));
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The order keys the cursor carries, typed as their columns; a cursor refused is a 400 naming {@code cursor}. */
    public List<Object> decode(String cursor, DatasetSchema schema, List<Filter> filters, List<SortField> sort) {
        return decode("cursor", cursor, schema, filters, sort);
    }

    /** As {@link #decode(String, DatasetSchema, List, List)}, a cursor refused being a 400 naming {@code parameter}. */
    public List<Object> decode(String parameter, String cursor, DatasetSchema schema, List<Filter> filters, List<SortField> sort) {
        try {
            String[] parts = cursor.split("\\.", -1);
            if (parts.length != 2) {
                throw invalid(parameter, "not a cursor this service made");
            }
            byte[] payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                throw invalid(parameter, "not a cursor this service made, or one changed since");
            }
            JsonNode root = JSON.readTree(payload);
            if (!scope(schema, filters, sort).equals(root.path("q").asText())) {
                throw invalid(parameter, "made for another dataset, other filters or another sort");
            }
            List<SortField> keys = RecordSqlBuilder.orderKeys(sort);
            JsonNode values = root.path("k");
            if (values.size() != keys.size()) {
                throw invalid(parameter, "made for another sort");
            }
            List<Object> typed = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                JsonNode value = values.get(i);
                typed.add(value.isNull() ? null : typed(ColumnTypes.typeOf(schema, keys.get(i).field()).orElseThrow(), value.asText()));
            }
            return typed;
        } catch (IllegalArgumentException | java.io.IOException | java.time.DateTimeException e) {
            throw invalid(parameter, "not a cursor this service made");
        }
    }

    private static Object typed(PropertyType type, String text) {
        return switch (type) {
            case INTEGER -> Long.parseLong(text);
            case NUMBER -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DATE -> LocalDate.parse(text);
            case DATETIME -> OffsetDateTime.parse(text);
            case UUID -> UUID.fromString(text);
            case STRING, JSON -> text;
        };
    }

    /** What a cursor is valid for: a digest of the dataset, its version, the filters and the sort. */
    private static String scope(DatasetSchema schema, List<Filter> filters, List<SortField> sort) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((schema.name() + "\n" + schema.version() + "\n"
                    + filters + "\n" + sort).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationException invalid(String parameter, String why) {
        return new ValidationException(FieldError.of(parameter, why));
    }
}

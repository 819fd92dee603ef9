package io.duckforge.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values a hostile or careless client sends, per property of {@link TestDatasets#READING_PROPERTIES}: edges of each
 * type's range, values of the wrong JSON type, malformed text, and random ones drawn from a seeded generator, so a
 * failing case can be replayed with its seed.
 */
final class HostileValues {

    /** A property and a value sent for it. */
    record Case(String property, JsonNode value) {
        @Override
        public String toString() {
            try {
                return property + " = " + ESCAPED.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes non-ASCII as \\u escapes: a lone surrogate then travels as JSON text, as a client's JSON library sends it. */
    static final ObjectMapper ESCAPED = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] TEXT_PIECES = {
            "a", "Z", "0", " ", "\"", "'", "\\", "%", "_", ",", ";", "\n", "\r\n", "\t", "\u0000", "\u001f", "é", "\u202e",
            "😀", "\ud800", "\udfff", "--", "/*", "' OR '1'='1", "${x}", "\u00a0", "\ufeff"};
    private static final String[] DATE_FORMS = {"%04d-%02d-%02d", "%d-%02d-%02d", "+%05d-%02d-%02d", "%04d-%d-%d"};

    private final Random random;

    HostileValues(long seed) {
        this.random = new Random(seed);
    }

    /** Fixed edge cases for every property, then {@code randomCount} drawn at random. */
    List<Case> cases(int randomCount) {
        List<Case> cases = new java.util.ArrayList<>(edges());
        String[] properties = {"sensor", "reading", "level", "active", "day", "taken_at", "batch", "payload"};
        for (int i = 0; i < randomCount; i++) {
            String property = properties[random.nextInt(properties.length)];
            cases.add(new Case(property, randomValue(property)));
        }
        return cases;
    }

    private static List<Case> edges() {
        return List.of(
                new Case("reading", JSON.numberNode(Long.MAX_VALUE)),
                new Case("reading", JSON.numberNode(Long.MIN_VALUE)),
                new Case("reading", JSON.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))),
                new Case("reading", JSON.numberNode(1.5)),
                new Case("reading", JSON.textNode("12")),
                new Case("reading", JSON.booleanNode(true)),
                new Case("level", JSON.numberNode(new BigDecimal("1e400"))),
                new Case("level", JSON.numberNode(Double.MIN_VALUE)),
                new Case("level", JSON.numberNode(-0.0)),
                new Case("level", JSON.textNode("NaN")),
                new Case("active", JSON.textNode("true")),
                new Case("active", JSON.numberNode(1)),
                new Case("day", JSON.textNode("0001-01-01")),
                new Case("day", JSON.textNode("9999-12-31")),
                new Case("day", JSON.textNode("0000-01-01")),
                new Case("day", JSON.textNode("-0001-01-01")),
                new Case("day", JSON.textNode("+10000-01-01")),
                new Case("day", JSON.textNode("+5881581-01-01")),
                new Case("day", JSON.textNode("2024-02-30")),
                new Case("taken_at", JSON.textNode("0001-01-01T00:00:00Z")),
                new Case("taken_at", JSON.textNode("9999-12-31T23:59:59.999999Z")),
                new Case("taken_at", JSON.textNode("0001-01-01T00:30:00+01:00")),
                new Case("taken_at", JSON.textNode("9999-12-31T23:30:00-01:00")),
                new Case("taken_at", JSON.textNode("+294248-01-01T00:00:00Z")),
                new Case("taken_at", JSON.textNode("2024-01-01T00:00:00")),
                new Case("taken_at", JSON.textNode("2024-01-01T00:00:00.123456789Z")),
                new Case("batch", JSON.textNode("00000000-0000-0000-0000-000000000000")),
                new Case("batch", JSON.textNode("{" + UUID.randomUUID() + "}")),
                new Case("sensor", JSON.textNode("\ud800x")),
                new Case("sensor", JSON.textNode("50% of a_b\\")),
                new Case("sensor", JSON.textNode("x".repeat(10_000))),
                new Case("sensor", JSON.nullNode()),
                new Case("payload", JSON.arrayNode().add(JSON.numberNode(new BigDecimal("1e400")))),
                new Case("payload", JSON.arrayNode().add(JSON.numberNode(new BigDecimal("9".repeat(250) + "e99")))),
                new Case("payload", JSON.arrayNode().add(JSON.numberNode(new BigDecimal("1e-400")))),
                new Case("payload", JSON.objectNode().put("NaN \" Infinity", "1e999 \\\" nan")),
                new Case("payload", JSON.objectNode().put("\udc00", 1)),
                new Case("payload", JSON.objectNode().set("x", JSON.objectNode().put("y", "\u0000"))));
    }

    private JsonNode randomValue(String property) {
        return switch (random.nextInt(6) == 0 ? "any" : property) {
            case "sensor" -> JSON.textNode(randomText(1 + random.nextInt(12)));
            case "reading" -> randomInteger();
            case "level" -> randomNumber();
            case "active" -> random.nextBoolean() ? JSON.booleanNode(random.nextBoolean()) : JSON.textNode("false");
            case "day" -> JSON.textNode(randomDate());
            case "taken_at" -> JSON.textNode(randomDate() + "T" + String.format("%02d:%02d:%02d", random.nextInt(26),
                    random.nextInt(61), random.nextInt(61)) + randomFraction() + randomOffset());
            case "batch" -> JSON.textNode(random.nextBoolean() ? UUID.randomUUID().toString()
                    : UUID.randomUUID().toString().toUpperCase().replace("-", random.nextBoolean() ? "" : "-"));
            case "payload" -> randomDocument(3);
            default -> randomScalar();
        };
    }

    private JsonNode randomInteger() {
        return switch (random.nextInt(4)) {
            case 0 -> JSON.numberNode(random.nextLong());
            case 1 -> JSON.numberNode(random.nextInt(1000) - 500);
            case 2 -> JSON.numberNode(new BigInteger(70, random).negate());
            default -> JSON.numberNode(random.nextInt(100) + 0.5);
        };
    }

    private JsonNode randomNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> JSON.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 1 -> JSON.numberNode(new BigDecimal(new BigInteger(random.nextInt(80) + 1, random), random.nextInt(700) - 350));
            case 2 -> JSON.numberNode(random.nextLong());
            default -> JSON.numberNode(random.nextGaussian());
        };
    }

    private String randomDate() {
        int year = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(3) - 1;
            case 1 -> 9998 + random.nextInt(4);
            case 2 -> random.nextInt(300_000) - 150_000;
            default -> 1900 + random.nextInt(200);
        };
        String form = DATE_FORMS[random.nextInt(DATE_FORMS.length)];
        return String.format(form, year, random.nextInt(14), random.nextInt(33));
    }

    private String randomFraction() {
        return random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9));
    }

    private String randomOffset() {
        return switch (random.nextInt(5)) {
            case 0 -> "Z";
            case 1 -> "";
            case 2 -> String.format("%+03d:%02d", random.nextInt(37) - 18, random.nextInt(60));
            case 3 -> "+14:00";
            default -> "-12:00";
        };
    }

    private JsonNode randomDocument(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return randomScalar();
        }
        if (random.nextBoolean()) {
            ArrayNode array = JSON.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(randomDocument(depth - 1));
            }
            return array;
        }
        ObjectNode object = JSON.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(randomText(1 + random.nextInt(4)), randomDocument(depth - 1));
        }
        return object;
    }

    private JsonNode randomScalar() {
        return switch (random.nextInt(6)) {
            case 0 -> JSON.textNode(randomText(random.nextInt(8)));
            case 1 -> randomInteger();
            case 2 -> randomNumber();
            case 3 -> JSON.booleanNode(random.nextBoolean());
            case 4 -> JSON.nullNode();
            default -> JSON.textNode(randomDate());
        };
    }

    private String randomText(int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        }
        return text.toString();
    }
}

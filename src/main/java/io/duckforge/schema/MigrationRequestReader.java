package io.duckforge.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Reads the body of {@code PATCH /api/v1/schemas/{schema}}: {@code {"changes": [...], "dry_run": false, "actor": "..."}}.
 * Every structural problem is reported with its field, e.g. {@code changes[2].to}.
 */
public final class MigrationRequestReader {

    private static final Set<String> REQUEST_KEYS = Set.of("changes", "dry_run", "actor");
    private static final int ACTOR_MAX_LENGTH = 200;
    private static final Map<SchemaChange.Op, Set<String>> CHANGE_KEYS = Map.ofEntries(
            entry(SchemaChange.Op.ADD_PROPERTY, Set.of("op", "property")),
            entry(SchemaChange.Op.RENAME_PROPERTY, Set.of("op", "name", "to")),
            entry(SchemaChange.Op.CHANGE_TYPE, Set.of("op", "name", "type")),
            entry(SchemaChange.Op.SET_DEFAULT, Set.of("op", "name", "default")),
            entry(SchemaChange.Op.SET_DESCRIPTION, Set.of("op", "name", "description")));
    private static final Set<String> NAME_ONLY = Set.of("op", "name");

    private MigrationRequestReader() {
    }

    /** @param defaultActor recorded as who applied it when the body names no {@code actor} */
    public static MigrationRequest read(JsonNode body, String defaultActor) {
        if (body == null || !body.isObject()) {
            throw new ValidationException(FieldError.of("", "expected a JSON object with a list of changes"));
        }
        List<FieldError> errors = new ArrayList<>();
        SchemaReader.rejectUnknownKeys(body, REQUEST_KEYS, "", errors);
        JsonNode dryRun = body.get("dry_run");
        if (dryRun != null && !dryRun.isBoolean()) {
            errors.add(FieldError.of("dry_run", "expected true or false"));
        }
        String actor = SchemaReader.text(body, "actor", "actor", errors);
        if (actor != null && (actor.isBlank() || actor.length() > ACTOR_MAX_LENGTH)) {
            errors.add(FieldError.of("actor", "expected 1 to " + ACTOR_MAX_LENGTH + " characters"));
        }
        List<SchemaChange> changes = new ArrayList<>();
        JsonNode changeNodes = body.get("changes");
        if (changeNodes == null || !changeNodes.isArray() || changeNodes.isEmpty()) {
            errors.add(FieldError.of("changes", "expected a non-empty list of changes"));
        } else {
            for (int i = 0; i < changeNodes.size(); i++) {
                SchemaChange change = readChange(changeNodes.get(i), "changes[" + i + "]", errors);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The migration request is malformed", errors);
        }
        return new MigrationRequest(changes, dryRun != null && dryRun.booleanValue(), actor == null ? defaultActor : actor);
    }

    private static SchemaChange readChange(JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(FieldError.of(path, "a change must be a JSON object"));
            return null;
        }
        String opName = SchemaReader.text(node, "op", path + ".op", errors);
        SchemaChange.Op op = opName == null ? null : SchemaChange.Op.fromWireName(opName).orElse(null);
        if (op == null) {
            errors.add(FieldError.of(path + ".op", (opName == null ? "an op is required" : "unknown op '" + opName + "'")
                    + "; one of " + String.join(", ", Arrays.stream(SchemaChange.Op.values()).map(SchemaChange.Op::wireName).toList())));
            return null;
        }
        int before = errors.size();
        SchemaReader.rejectUnknownKeys(node, CHANGE_KEYS.getOrDefault(op, NAME_ONLY), path, errors);
        String name = SchemaReader.text(node, "name", path + ".name", errors);
        if (name == null && op != SchemaChange.Op.ADD_PROPERTY && op != SchemaChange.Op.SET_DESCRIPTION) {
            errors.add(FieldError.of(path + ".name", "the property to change is required"));
        }
        SchemaChange change = switch (op) {
            case ADD_PROPERTY -> {
                JsonNode property = node.get("property");
                if (property == null) {
                    errors.add(FieldError.of(path + ".property", "the property to add is required"));
                    yield null;
                }
                yield SchemaChange.addProperty(SchemaReader.readProperty(property, path + ".property", errors));
            }
            case RENAME_PROPERTY -> {
                String to = SchemaReader.text(node, "to", path + ".to", errors);
                if (to == null) {
                    errors.add(FieldError.of(path + ".to", "the new name is required"));
                }
                yield SchemaChange.renameProperty(name, to);
            }
            case CHANGE_TYPE -> SchemaChange.changeType(name, SchemaReader.type(node, path + ".type", errors));
            case SET_DEFAULT -> {
                if (!node.has("default")) {
                    errors.add(FieldError.of(path + ".default", "the new default is required (null clears it)"));
                }
                JsonNode value = node.get("default");
                yield SchemaChange.setDefault(name, value == null || value.isNull() ? null : value);
            }
            case SET_DESCRIPTION -> {
                if (!node.has("description")) {
                    errors.add(FieldError.of(path + ".description", "the new description is required (null clears it)"));
                }
                yield SchemaChange.setDescription(name, SchemaReader.text(node, "description", path + ".description", errors));
            }
            default -> SchemaChange.on(op, name);
        };
        return errors.size() == before ? change : null;
    }
}

package io.duckforge.api;

import io.duckforge.query.FilterOperator;
import io.duckforge.schema.PropertyType;
import io.duckforge.schema.SchemaChange;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JSON request bodies that the API's own readers take (record data, envelopes, the page query, a migration), as
 * components the resources' {@code @RequestBody} annotations refer to by name. They are written here, not derived from
 * classes, because those readers walk the JSON themselves (to report every bad field at once, decision 0019); the
 * enumerations come from the code's own enums, so they cannot drift.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiBodies implements OASFilter {

    static final String RECORD_DATA = "RecordData";
    static final String RECORDS = "RecordDataList";
    static final String RECORD_IN_BODY = "RecordInBody";
    static final String RECORDS_IN_BODY = "RecordsInBody";
    static final String PAGE_QUERY = "PageQuery";
    static final String MIGRATION = "Migration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(RECORD_DATA, object().additionalPropertiesBoolean(true)
                .description("A record's data: property name to value, as its dataset's schema types them"));
        components.addSchema(RECORDS, array(ref(RECORD_DATA)));
        components.addSchema(RECORD_IN_BODY, object().required(List.of("schema_name", "data"))
                .addProperty("schema_name", string()).addProperty("data", ref(RECORD_DATA)));
        components.addSchema(RECORDS_IN_BODY, object().required(List.of("schema_name", "data"))
                .addProperty("schema_name", string()).addProperty("data", ref(RECORDS)));
        components.addSchema("Filter", object().required(List.of("field", "operator"))
                .addProperty("field", string())
                .addProperty("operator", string().enumeration(wireNames(FilterOperator.values())))
                .addProperty("value", OASFactory.createSchema().description("a value of the field's type; an array for in")));
        components.addSchema("Sort", object().required(List.of("field"))
                .addProperty("field", string())
                .addProperty("order", string().enumeration(List.of("asc", "desc")).defaultValue("asc")));
        components.addSchema(PAGE_QUERY, object()
                .addProperty("filters", array(ref("Filter")))
                .addProperty("sort", array(ref("Sort")))
                .addProperty("fields", array(string()))
                .addProperty("page", integer().minimum(java.math.BigDecimal.ONE).defaultValue(1))
                .addProperty("size", integer().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(1000)).defaultValue(10))
                .addProperty("count", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN).defaultValue(true)
                        .description("false to leave total out (null), which saves counting every match"))
                .addProperty("cursor", string().description("next_cursor of the page before, to continue after it (page left out)")));
        components.addSchema("SchemaChangeRequest", object().required(List.of("op"))
                .addProperty("op", string().enumeration(wireNames(SchemaChange.Op.values())))
                .addProperty("name", string().description("the property the change concerns"))
                .addProperty("to", string().description("rename_property: the new name"))
                .addProperty("type", string().enumeration(wireNames(PropertyType.values())).description("change_type: the new type"))
                .addProperty("property", ref("PropertyDefinition").description("add_property: the property to add"))
                .addProperty("default", OASFactory.createSchema().description("set_default: the new default; null clears it"))
                .addProperty("description", string().description("set_description: the new description; null clears it")));
        components.addSchema(MIGRATION, object().required(List.of("changes"))
                .addProperty("changes", array(ref("SchemaChangeRequest")).minItems(1))
                .addProperty("dry_run", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN).defaultValue(false))
                .addProperty("actor", string().description("who asks, recorded beside the caller in applied_by")));
        openAPI.setComponents(components);
    }

    static List<Object> wireNames(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> (Object) value.name().toLowerCase(Locale.ROOT)).toList();
    }

    static Schema object() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
    }

    static Schema array(Schema items) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items);
    }

    static Schema ref(String component) {
        return OASFactory.createSchema().ref("#/components/schemas/" + component);
    }
}

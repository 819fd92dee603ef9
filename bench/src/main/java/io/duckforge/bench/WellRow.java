package io.duckforge.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.duckdb.DuckDBAppender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** One well_production row with the 14 data properties of the sample schema, typed as the service stores them. */
record WellRow(
        long fieldCode, String fieldName, long wellCode, String wellReference, String wellName,
        OffsetDateTime productionPeriod, Long daysOnProduction, Double oil, Double gas, Double liquids, Double water,
        String dataSource, String sourceDataJson, String partition) {

    private static final JsonFactory JSON = new JsonFactory();


    /** The data object the REST API takes. */
    /** The row as the JSON body of a single-record create. */
    byte[] json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writeJson(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void writeJson(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("field_code", fieldCode);
        json.writeStringField("_field_name", fieldName);
        json.writeNumberField("well_code", wellCode);
        json.writeStringField("_well_reference", wellReference);
        json.writeStringField("well_name", wellName);
        json.writeStringField("production_period", productionPeriod.toString());
        writeNumber(json, "days_on_production", daysOnProduction);
        writeNumber(json, "oil_production_kbd", oil);
        writeNumber(json, "gas_production_mmcfd", gas);
        writeNumber(json, "liquids_production_kbd", liquids);
        writeNumber(json, "water_production_kbd", water);
        json.writeStringField("data_source", dataSource);
        json.writeFieldName("source_data");
        if (sourceDataJson == null) {
            json.writeNull();
        } else {
            json.writeRawValue(sourceDataJson);
        }
        json.writeStringField("partition_0", partition);
        json.writeEndObject();
    }

    /** One CSV line of the data properties, in schema order; null is an empty field. */
    void writeCsv(Writer csv) throws IOException {
        Object[] values = {fieldCode, fieldName, wellCode, wellReference, wellName, productionPeriod, daysOnProduction,
                oil, gas, liquids, water, dataSource, sourceDataJson, partition};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.write(',');
            }
            if (values[i] != null) {
                String text = values[i].toString();
                boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
                csv.write(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
        }
        csv.write('\n');
    }

    /** The data columns in table order, after the four system columns. */
    void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(fieldCode).append(fieldName).append(wellCode).append(wellReference).append(wellName)
                .append(productionPeriod).append(daysOnProduction).append(oil).append(gas).append(liquids).append(water)
                .append(dataSource).append(sourceDataJson).append(partition);
    }

    private static void writeNumber(JsonGenerator json, String name, Number value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else if (value instanceof Long number) {
            json.writeNumberField(name, number);
        } else {
            json.writeNumberField(name, value.doubleValue());
        }
    }
}

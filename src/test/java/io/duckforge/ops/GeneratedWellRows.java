package io.duckforge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk body of NDJSON well_production rows produced as they are read, so the test holds none of them. */
final class GeneratedWellRows extends InputStream {

    /** Posts {@code bodies} NDJSON bulk bodies of {@code rows} generated rows each to well_production; each must be created. */
    static void load(HttpClient client, ServiceProcess service, int bodies, int rows) throws IOException, InterruptedException {
        for (int body = 0; body < bodies; body++) {
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                            URI.create(service.baseUri() + "/api/v1/records/well_production/bulk"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedWellRows(rows))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    private final int rows;
    private int row;
    private byte[] line = new byte[0];
    private int position;

    GeneratedWellRows(int rows) {
        this.rows = rows;
    }

    @Override
    public int read() throws IOException {
        if (position == line.length) {
            if (row == rows) {
                return -1;
            }
            line = line(row++);
            position = 0;
        }
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            int b = read();
            if (b < 0) {
                return written == 0 ? -1 : written;
            }
            target[offset + written++] = (byte) b;
        }
        return written;
    }

    private static byte[] line(int i) {
        return ("{\"field_code\":" + i % 1000 + ",\"_field_name\":\"Field_" + i % 1000 + "\",\"well_code\":" + i % 10000
                + ",\"well_name\":\"Well_" + i % 10000 + "\",\"production_period\":\"2010-01-01T00:00:00Z\","
                + "\"days_on_production\":30,\"oil_production_kbd\":" + (i % 500) / 10.0
                + ",\"data_source\":\"generated\",\"source_data\":{\"n\":" + i + "}}\n").getBytes(StandardCharsets.US_ASCII);
    }
}

package io.duckforge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A bulk body of NDJSON well_production rows produced as they are read, so the test holds none of them. */
final class GeneratedWellRows extends InputStream {

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

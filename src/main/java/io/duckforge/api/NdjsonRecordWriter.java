package io.duckforge.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckforge.store.StoredRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** One record envelope per line, as the JSON API answers a record; every line ends with {@code \n}. */
final class NdjsonRecordWriter implements RecordWriter {

    private final ObjectMapper mapper;
    private final JsonGenerator json;

    NdjsonRecordWriter(ObjectMapper mapper, OutputStream out) throws IOException {
        this.mapper = mapper;
        this.json = mapper.getFactory().createGenerator(out);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(StoredRecord record) throws IOException {
        line(RecordView.of(record));
    }

    @Override
    public void end() throws IOException {
        json.flush();
    }

    /** A last line {@code {"error": {problem}}}: no record envelope has an {@code error} key, so it cannot be mistaken. */
    @Override
    public void fail(Problem problem) throws IOException {
        line(Map.of("error", problem));
        json.flush();
    }

    private void line(Object value) throws IOException {
        mapper.writeValue(json, value);
        json.writeRaw('\n');
    }
}

package io.duckforge.store;

import io.duckforge.schema.ValidationException;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrowFrameGuardTest {

    private static byte[] stream(int rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RootAllocator allocator = new RootAllocator();
             IntVector values = new IntVector("reading", allocator)) {
            values.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                values.set(i, i);
            }
            values.setValueCount(rows);
            try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(values.getField()), List.of(values), rows);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
        return out.toByteArray();
    }

    private static int readAll(byte[] body) throws Exception {
        int rows = 0;
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ArrowFrameGuard(new ByteArrayInputStream(body), body.length), allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }

    @Test
    void aWellFormedStreamPassesUnchanged() throws Exception {
        assertThat(readAll(stream(1000))).isEqualTo(1000);
    }

    @Test
    void metadataDeclaredLargerThanTheBodyIsRefusedBeforeTheReaderAllocatesIt() {
        byte[] body = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFFFFFFFF).putInt(1 << 30).array();

        assertThatThrownBy(() -> readAll(body))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("declares");
    }

    @Test
    void aBatchBodyDeclaredLargerThanWhatFollowsIsRefused() throws Exception {
        byte[] whole = stream(1000);
        // Cut inside the record batch's body: its metadata still declares the whole body.
        byte[] cut = Arrays.copyOf(whole, whole.length - 2000);

        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("message body");
    }
}

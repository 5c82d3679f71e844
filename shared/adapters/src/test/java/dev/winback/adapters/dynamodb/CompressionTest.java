package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.StoredRecordJson;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionTest {

    /** Stored documents depend on every byte of it: a change here means documents nobody can read. */
    @Test
    void dictionary_isFrozen() throws Exception {
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Compression.DICTIONARY)))
                .isEqualTo("cd5b6c4ec67193713d77d43a50a06e939f40999bcb254ef281b20ed16aaa9d59");
    }

    @Test
    void deflate_roundTrips_andIsSmallerThanWithoutTheDictionary() {
        byte[] json = StoredRecordJson.toBytes(EngagementRecord.empty("c-000123"));

        byte[] compressed = Compression.deflate(json);

        assertThat(Compression.inflate(compressed)).isEqualTo(json);
        assertThat(compressed.length).isLessThan(withoutDictionary(json).length);
    }

    @Test
    void inflate_readsDocumentsWrittenBeforeTheDictionary() {
        byte[] json = "{\"format\":1,\"customerId\":\"c-1\",\"recent\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(Compression.inflate(withoutDictionary(json))).isEqualTo(json);
    }

    private static byte[] withoutDictionary(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }
}

package dev.winback.adapters.dynamodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflate for stored documents: write units are charged per KB of item, so a compact record is
 * what keeps ingestion at about one write unit per event.
 *
 * <p>Documents are compressed with a preset dictionary: typical records (field names, the usual
 * values, the shape of timestamps) with the personal and random parts blanked. A record alone is too
 * short for deflate to learn its own field names, so the dictionary roughly halves it (p50 965 B to
 * 495 B on the demo's records). The dictionary is frozen: documents written with it cannot be read
 * without it, so it is never edited (a test pins its hash); a better one would come as a second file
 * with a version marker on the item. Documents written before it existed still read: a raw deflate
 * stream never refers back before its own start, so the preset window goes unused.
 */
public final class Compression {

    static final String DICTIONARY_RESOURCE = "record-dictionary-1.json";
    static final byte[] DICTIONARY = load(DICTIONARY_RESOURCE);

    private Compression() {
    }

    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[2048];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated record document");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt record document", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = Compression.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the record dictionary " + resource + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the record dictionary " + resource, e);
        }
    }
}

package dev.winback.adapters.config;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * The lines of an import file, read as they are consumed (an export of millions of endpoints never
 * sits in memory whole). Pinpoint writes its exports gzip-compressed; a compressed file is
 * recognised by its first two bytes, whatever it is called.
 */
public final class ImportFiles {

    private ImportFiles() {
    }

    public static Iterator<String> lines(InputStream in) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            boolean gzip = first == 0x1f && second == 0x8b;
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    gzip ? new GZIPInputStream(buffered) : buffered, StandardCharsets.UTF_8));
            return new Iterator<>() {
                String next = readLine(reader);

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public String next() {
                    if (next == null) throw new NoSuchElementException();
                    String line = next;
                    next = readLine(reader);
                    return line;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the import file could not be read", e);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            if (line == null) reader.close();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("the import file could not be read", e);
        }
    }
}

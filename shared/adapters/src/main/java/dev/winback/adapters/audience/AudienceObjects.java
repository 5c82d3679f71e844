package dev.winback.adapters.audience;

import java.nio.file.Path;

/** Where the audience files are put (an S3 bucket when deployed); throws only for infrastructure failures. */
public interface AudienceObjects {

    void put(String key, byte[] body, String contentType);

    void put(String key, Path file, String contentType);
}

package dev.winback.functions.audience;

import dev.winback.adapters.audience.AudienceObjects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.file.Path;

/** Audience files in the export bucket, encrypted at rest with the bucket's KMS key whatever its default. */
public final class S3AudienceObjects implements AudienceObjects {

    private final S3Client s3;
    private final String bucket;

    public S3AudienceObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] body, String contentType) {
        s3.putObject(request(key, contentType), RequestBody.fromBytes(body));
    }

    @Override
    public void put(String key, Path file, String contentType) {
        s3.putObject(request(key, contentType), RequestBody.fromFile(file));
    }

    private PutObjectRequest request(String key, String contentType) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256).build();
    }
}

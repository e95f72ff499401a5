package vn.tangthu.archive.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A streaming multipart/form-data body for tests (files are never read into memory). */
public final class Multipart {

  private final String boundary = "tt-" + UUID.randomUUID();
  private final List<Supplier<InputStream>> parts = new ArrayList<>();

  public Multipart json(String name, String json) {
    return text(name, json, "application/json");
  }

  public Multipart text(String name, String value, String contentType) {
    byte[] header = header(name, null, contentType);
    byte[] body = value.getBytes(StandardCharsets.UTF_8);
    parts.add(
        () ->
            new SequenceInputStream(
                new ByteArrayInputStream(header), new ByteArrayInputStream(body)));
    return this;
  }

  public Multipart file(String name, Path file) {
    return file(name, file, file.getFileName().toString());
  }

  public Multipart file(String name, Path file, String fileName) {
    byte[] header = header(name, fileName, "application/octet-stream");
    parts.add(
        () -> {
          try {
            return new SequenceInputStream(
                new ByteArrayInputStream(header), Files.newInputStream(file));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return this;
  }

  public Multipart bytes(String name, byte[] bytes, String fileName) {
    return bytes(name, bytes, fileName, "application/octet-stream");
  }

  /** A part of {@code contentType} with these exact bytes (and a file name unless null). */
  public Multipart bytes(String name, byte[] bytes, String fileName, String contentType) {
    byte[] header = header(name, fileName, contentType);
    parts.add(
        () ->
            new SequenceInputStream(
                new ByteArrayInputStream(header), new ByteArrayInputStream(bytes)));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofInputStream(this::stream);
  }

  public InputStream stream() {
    List<InputStream> streams = new ArrayList<>();
    for (Supplier<InputStream> p : parts) {
      streams.add(p.get());
      streams.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.US_ASCII)));
    }
    streams.add(
        new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
    return new SequenceInputStream(Collections.enumeration(streams));
  }

  private byte[] header(String name, String fileName, String contentType) {
    StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n");
    h.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      h.append("; filename=\"").append(fileName.replace("\"", "")).append('"');
    }
    h.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package vn.tangthu.archive.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.tangthu.archive.error.Messages;
import vn.tangthu.archive.input.ApiModel.Endpoint;
import vn.tangthu.archive.input.ApiModel.Param;
import vn.tangthu.archive.input.WrongInputs.Wrong;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.archive.support.Stored;

/**
 * Drives every endpoint of {@code docs/openapi.yaml} with generated wrong input: a documented valid
 * request (path parameters naming real fixtures, the file's example body) with exactly one input
 * made wrong, in a path parameter, a query parameter, a header, the body as a whole, or one member
 * of it (wrong JSON types, values out of the documented range, format or enum, broken encodings,
 * sizes past every limit, wrong media types, required members left out). Every answer must be a 4xx
 * {@code application/problem+json} with a documented {@code code}, and nothing stored may change.
 * One running archive serves every try.
 */
class BadInputPropertiesIT {

  private static final String SERIES = "BN.HS.10";
  private static final String FILE_CODE = "HS-2023-01";

  private static Path dataDir;
  private static RunningArchive archive;
  private static String admin;
  private static List<Endpoint> endpoints;
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One wrong input, applied to a valid request. */
  record Fault(String where, Wrong wrong, Consumer<Draft> apply) {
    @Override
    public String toString() {
      return where + " = " + wrong;
    }
  }

  /** An endpoint and the one wrong input it gets. */
  record Case(Endpoint endpoint, Fault fault) {
    @Override
    public String toString() {
      return endpoint + " with " + fault;
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("bad-input-");
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    endpoints = ApiModel.endpoints();
    fixtures();
  }

  @AfterContainer
  static void stop() throws IOException {
    if (archive != null) {
      archive.close();
    }
    if (dataDir != null) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The valid things path parameters name: an agency, a record, a dossier, a hold, a sweep. */
  private static void fixtures() throws Exception {
    ok(archive.postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}"));
    ok(
        archive.putJson(
            "retention/schedules/" + SERIES,
            admin,
            "{\"title\":\"Hồ sơ hội nghị\",\"period\":\"10y\",\"action\":\"DESTROY\","
                + "\"legalBasis\":\"Thông tư 10/2022/TT-BNV\"}"));
    ok(
        archive.putJson(
            "dossiers/" + FILE_CODE,
            admin,
            "{\"agencyCode\":\"BN\",\"title\":\"Hồ sơ hội nghị\",\"seriesCode\":\""
                + SERIES
                + "\",\"endDate\":\"2010-12-31\"}"));
    HttpResponse<String> record =
        ok(
            archive.upload(
                "records?wait=indexed",
                admin,
                new Multipart()
                    .json(
                        "metadata",
                        "{\"agencyCode\":\"BN\",\"subject\":\"Quyết định phê duyệt kế hoạch\","
                            + "\"issuedDate\":\"2010-03-15\",\"fileCode\":\""
                            + FILE_CODE
                            + "\"}")
                    .bytes(
                        "file",
                        "Quyết định phê duyệt".getBytes(StandardCharsets.UTF_8),
                        "qd.txt")));
    ids.put("record", RunningArchive.json(record).get("id").asText());
    ids.put(
        "sweep",
        RunningArchive.json(
                ok(archive.postJson("retention/sweeps", admin, "{\"agencyCode\":\"BN\"}")))
            .get("id")
            .asText());
    ids.put(
        "hold",
        RunningArchive.json(
                ok(
                    archive.postJson(
                        "holds",
                        admin,
                        "{\"name\":\"Thanh tra\",\"reason\":\"Thanh tra\",\"authority\":\"Thanh"
                            + " tra tỉnh\",\"recordIds\":[\""
                            + ids.get("record")
                            + "\"]}")))
            .get("id")
            .asText());
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return r;
  }

  // ---- properties -------------------------------------------------------------------------

  /** Every endpoint, every place an input goes: the first two wrong values of each. */
  @Example
  void everyEndpointRefusesWrongInputInEveryPlace() throws Exception {
    assertThat(endpoints).hasSizeGreaterThan(40);
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints) {
      for (List<Fault> place : places(e)) {
        for (Fault f : place.subList(0, Math.min(2, place.size()))) {
          try {
            check(new Case(e, f));
          } catch (AssertionError x) {
            failures.add(e + " with " + f + ": " + x.getMessage());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Property(tries = 250, shrinking = ShrinkingMode.OFF)
  void wrongInputIsRefusedAndStoresNothing(@ForAll("cases") Case c) throws Exception {
    check(c);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(endpoints)
        .flatMap(
            e -> {
              List<Fault> all = places(e).stream().flatMap(List::stream).toList();
              return Arbitraries.of(all).map(f -> new Case(e, f));
            });
  }

  // ---- the faults of one endpoint ---------------------------------------------------------

  /** The wrong inputs of {@code e}, grouped by the place they go. */
  private static List<List<Fault>> places(Endpoint e) {
    List<List<Fault>> out = new ArrayList<>();
    for (Param p : e.in("path")) {
      out.add(
          faults(
              "path " + p.name(),
              WrongInputs.pathSegment(),
              (d, w) -> d.path.put(p.name(), w.asText())));
    }
    for (Param p : e.in("query")) {
      out.add(
          faults(
              "query " + p.name(),
              WrongInputs.queryValue(p.name(), p.schema()),
              (d, w) -> d.query.put(p.name(), w.asText())));
    }
    out.add(
        faults(
            "an unknown query parameter",
            WrongInputs.BAD_ENCODINGS,
            (d, w) -> d.query.put("zz", w.asText())));
    for (Param p : e.in("header")) {
      List<Wrong> wrong = WrongInputs.headerValue(p.schema());
      if (!wrong.isEmpty()) {
        out.add(faults("header " + p.name(), wrong, (d, w) -> d.headers.put(p.name(), w.asText())));
      }
    }
    if (e.body() != null) {
      out.addAll(bodyPlaces(e));
    }
    return out;
  }

  private static List<List<Fault>> bodyPlaces(Endpoint e) {
    List<List<Fault>> out = new ArrayList<>();
    boolean multipart = e.body().multipart();
    Schema<?> schema = multipart ? e.body().jsonPartSchema() : e.body().schema();
    JsonNode example = multipart ? ApiModel.example(schema) : e.body().example();
    assertThat(example).as("the documented example body of " + e).isNotNull();
    byte[] exampleBytes = example.toString().getBytes(StandardCharsets.UTF_8);
    List<Wrong> whole = new ArrayList<>(WrongInputs.jsonBody(exampleBytes));
    if (e.body().required()) {
      whole.add(new Wrong("null", WrongInputs.bytes("null")));
    }
    out.add(
        faults(
            multipart ? "the " + e.body().jsonPart() + " part" : "the body",
            whole,
            (d, w) -> d.bodyOverride = w.raw()));
    out.add(
        faults(
            "the media type",
            List.of(
                Wrong.text("text/plain", "text/plain"),
                Wrong.text("application/xml", "application/xml"),
                Wrong.text(
                    multipart ? "application/json" : "multipart/form-data; boundary=x",
                    multipart ? "application/json" : "multipart/form-data; boundary=x")),
            (d, w) -> d.contentType = w.asText()));
    if (multipart) {
      out.add(
          faults(
              "the file part",
              List.of(
                  Wrong.text("file name with U+0000", "a\u0000b.txt"),
                  Wrong.text("file name with U+0001", "a\u0001b.txt"),
                  Wrong.text("file name with DEL", "a\u007fb.txt"),
                  Wrong.text("no file part", "")),
              (d, w) -> {
                if (w.label().equals("no file part")) {
                  d.dropFile = true;
                } else {
                  d.fileName = w.asText();
                }
              }));
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, member) -> {
                if (!Boolean.TRUE.equals(member.getReadOnly())) {
                  out.add(
                      faults(
                          "member " + name,
                          WrongInputs.member(member),
                          (d, w) -> {
                            d.member = name;
                            d.memberRaw = w.raw();
                          }));
                }
              });
    }
    if (schema.getRequired() != null) {
      List<Wrong> missing =
          schema.getRequired().stream().map(r -> Wrong.text("without " + r, r)).toList();
      out.add(faults("a required member", missing, (d, w) -> d.json.remove(w.asText())));
    }
    return out;
  }

  private static List<Fault> faults(
      String where, List<Wrong> values, java.util.function.BiConsumer<Draft, Wrong> apply) {
    return values.stream().map(w -> new Fault(where, w, d -> apply.accept(d, w))).toList();
  }

  // ---- one try ----------------------------------------------------------------------------

  private static void check(Case c) throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    Draft d = new Draft(c.endpoint());
    c.fault().apply().accept(d);
    HttpResponse<String> r;
    try {
      r = http.send(d.request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return; // the HTTP client itself refuses to send it (e.g. a header it deems unsafe)
    }
    String what = c + " answered " + r.statusCode() + " " + r.body();
    assertThat(r.statusCode()).as(what).isBetween(400, 499);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    JsonNode problem = RunningArchive.JSON.readTree(r.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(r.statusCode());
    assertThat(Messages.codes()).as(what).contains(problem.path("code").asText());
    assertThat(Stored.snapshot(archive)).as(what + ": nothing stored").isEqualTo(before);
  }

  /** A valid request of one endpoint, about to get one wrong input. */
  static final class Draft {
    final Endpoint endpoint;
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    ObjectNode json;
    String member;
    byte[] memberRaw;
    byte[] bodyOverride;
    String contentType;
    String fileName = "cong-van.txt";
    boolean dropFile;

    Draft(Endpoint e) {
      this.endpoint = e;
      for (Param p : e.in("path")) {
        path.put(p.name(), fixture(e.path(), p.name()));
      }
      if (e.body() != null) {
        JsonNode example =
            e.body().multipart() ? ApiModel.example(e.body().jsonPartSchema()) : e.body().example();
        json = example.deepCopy();
      }
    }

    HttpRequest request() {
      String p = endpoint.path();
      for (Map.Entry<String, String> v : path.entrySet()) {
        p = p.replace("{" + v.getKey() + "}", v.getValue());
      }
      StringBuilder q = new StringBuilder();
      query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
      URI uri = URI.create(archive.api("").toString() + p.substring(1) + q);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + admin);
      headers.forEach(b::header);
      if (endpoint.body() == null) {
        return b.method(endpoint.method(), HttpRequest.BodyPublishers.noBody()).build();
      }
      boolean multipart = endpoint.body().multipart();
      byte[] json = bodyOverride != null ? bodyOverride : jsonBytes();
      if (multipart) {
        Multipart m =
            new Multipart().bytes(endpoint.body().jsonPart(), json, null, "application/json");
        if (!dropFile) {
          m.bytes(
              endpoint.body().filePart(),
              "Nội dung thử".getBytes(StandardCharsets.UTF_8),
              fileName);
        }
        b.header("Content-Type", contentType != null ? contentType : m.contentType());
        return b.method(endpoint.method(), m.publisher()).build();
      }
      b.header("Content-Type", contentType != null ? contentType : "application/json");
      return b.method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private byte[] jsonBytes() {
      if (member == null) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
      }
      String marker = "@@wrong-" + UUID.randomUUID() + "@@";
      json.put(member, marker);
      String text = json.toString();
      int at = text.indexOf("\"" + marker + "\"");
      return WrongInputs.bytes(
          text.substring(0, at), memberRaw, text.substring(at + marker.length() + 2));
    }
  }

  /** The valid value of path parameter {@code name} on {@code path}. */
  static String fixture(String path, String name) {
    return switch (name) {
      case "code" -> "BN";
      case "username" -> "admin";
      case "seriesCode" -> SERIES;
      case "fileCode" -> FILE_CODE;
      case "recordId" -> ids.get("record");
      case "id" -> {
        if (path.startsWith("/records/")) {
          yield ids.get("record");
        } else if (path.startsWith("/holds/")) {
          yield ids.get("hold");
        } else if (path.startsWith("/retention/sweeps/")) {
          yield ids.get("sweep");
        }
        yield UUID.randomUUID().toString(); // certificates, tokens: never a real one
      }
      default -> throw new IllegalStateException("No fixture for path parameter " + name);
    };
  }
}

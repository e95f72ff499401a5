package vn.tangthu.archive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.tangthu.intake.FolderPackage;

/**
 * {@code import}: sends packages to a running server ({@code POST /imports}) and follows each job
 * to its end with a progress bar, then prints its counts and its failed items. A folder is sent as
 * a zip written on the fly (a folder of files with {@code metadata.csv}, a bag, or a folder of
 * edXML messages); a file is sent as it is. Exits with status 1 when a package was refused or a job
 * did not finish DONE (failed items alone do not change the status; they are listed).
 *
 * <pre>
 * import --url http://localhost:8080 --token … [--agency CODE] [--access-level PUBLIC]
 *        [--series CODE] [--file-code CODE] [--no-wait] PATH…
 * </pre>
 */
public final class ImportCommand extends Command {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BAR = 30;

  private final PrintStream out;
  private final PrintStream err;
  private final Duration poll;

  public ImportCommand() {
    this(System.out, System.err, Duration.ofSeconds(1));
  }

  public ImportCommand(PrintStream out, PrintStream err, Duration poll) {
    super("import", "Imports packages (folders, zips, tars, bags, edXML) through a running server");
    this.out = out;
    this.err = err;
    this.poll = poll;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--url")
        .setDefault(System.getenv().getOrDefault("ARCHIVE_URL", "http://localhost:8080"))
        .help("the server, e.g. http://localhost:8080 (env ARCHIVE_URL)");
    subparser
        .addArgument("--token")
        .setDefault(System.getenv("ARCHIVE_TOKEN"))
        .help("your API token (env ARCHIVE_TOKEN)");
    subparser.addArgument("--agency").help("agencyCode for items that have none");
    subparser.addArgument("--access-level").dest("accessLevel").help("default accessLevel");
    subparser.addArgument("--series").help("default seriesCode");
    subparser.addArgument("--file-code").dest("fileCode").help("default fileCode (dossier)");
    subparser
        .addArgument("--no-wait")
        .dest("noWait")
        .action(Arguments.storeTrue())
        .help("print each job as accepted and do not follow it");
    subparser.addArgument("paths").nargs("+").metavar("PATH").help("folders and package files");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    ApiClient api = new ApiClient(ns.getString("url"), ns.getString("token"));
    String options = options(ns);
    List<String> paths = ns.getList("paths");
    int refused = 0;
    int unfinished = 0;
    for (String p : paths) {
      Path path = Path.of(p);
      JsonNode job;
      try {
        job = send(api, path, options);
      } catch (ApiClient.Refused e) {
        err.println(path + ": refused: " + problem(e));
        refused++;
        continue;
      } catch (IOException e) {
        err.println(path + ": " + e.getMessage());
        refused++;
        continue;
      }
      out.println(
          path + ": import " + job.get("id").asText() + " (" + job.get("format").asText() + ")");
      if (!Boolean.TRUE.equals(ns.getBoolean("noWait"))) {
        JsonNode end = follow(api, job.get("id").asText());
        report(api, end);
        if (!"DONE".equals(end.get("status").asText())) {
          unfinished++;
        }
      }
    }
    if (refused + unfinished > 0) {
      throw new IllegalStateException(
          refused + " package(s) refused, " + unfinished + " import(s) not DONE");
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }

  private static String options(Namespace ns) {
    ObjectNode o = JSON.createObjectNode();
    for (String k : List.of("agency", "accessLevel", "series", "fileCode")) {
      String v = ns.getString(k);
      if (v != null && !v.isBlank()) {
        String key =
            switch (k) {
              case "agency" -> "agencyCode";
              case "series" -> "seriesCode";
              default -> k;
            };
        o.put(key, v);
      }
    }
    return o.isEmpty() ? null : o.toString();
  }

  /** Sends one path as a package; a folder as a zip made on the fly. */
  private static JsonNode send(ApiClient api, Path path, String options) throws IOException {
    boolean folder = Files.isDirectory(path);
    if (folder) {
      FolderPackage.files(path); // refuse links and special files before sending anything
    } else if (!Files.isRegularFile(path)) {
      throw new IOException("no such file or folder");
    }
    String name = path.getFileName() + (folder ? ".zip" : "");
    String boundary = "tt-import-" + UUID.randomUUID();
    String answer =
        api.postMultipart(
            "imports",
            boundary,
            body -> {
              if (options != null) {
                part(body, boundary, "options", null, "application/json");
                body.write(options.getBytes(StandardCharsets.UTF_8));
                body.write(crlf());
              }
              part(body, boundary, "package", name, "application/octet-stream");
              if (folder) {
                FolderPackage.writeZip(path, body);
              } else {
                Files.copy(path, body);
              }
              body.write(crlf());
              body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            });
    return JSON.readTree(answer);
  }

  private static void part(
      OutputStream body, String boundary, String name, String fileName, String type)
      throws IOException {
    StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n");
    h.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      h.append("; filename=\"")
          .append(fileName.replace("\"", "").replace("\r", "").replace("\n", ""));
      h.append('"');
    }
    h.append("\r\nContent-Type: ").append(type).append("\r\n\r\n");
    body.write(h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] crlf() {
    return "\r\n".getBytes(StandardCharsets.US_ASCII);
  }

  /** Polls the job until it ends, drawing its progress on one line. */
  private JsonNode follow(ApiClient api, String id) throws IOException, InterruptedException {
    String last = "";
    while (true) {
      JsonNode job = JSON.readTree(api.get("imports/" + id));
      String line = progress(job);
      if (!line.equals(last)) {
        out.print("\r" + line);
        out.flush();
        last = line;
      }
      String status = job.get("status").asText();
      if (status.equals("DONE") || status.equals("FAILED") || status.equals("CANCELLED")) {
        out.println();
        return job;
      }
      Thread.sleep(poll.toMillis());
    }
  }

  static String progress(JsonNode job) {
    JsonNode c = job.get("counts");
    int total = c.get("total").asInt();
    int done = c.get("imported").asInt() + c.get("duplicate").asInt() + c.get("failed").asInt();
    int filled = total == 0 ? BAR : (int) ((long) done * BAR / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d %s",
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        done,
        total,
        job.get("status").asText());
  }

  /** The counts and every failed item. */
  private void report(ApiClient api, JsonNode job) throws IOException {
    JsonNode c = job.get("counts");
    out.printf(
        Locale.ROOT,
        "%s: %d imported, %d duplicate, %d failed of %d (%.2f records/s)%n",
        job.get("status").asText(),
        c.get("imported").asInt(),
        c.get("duplicate").asInt(),
        c.get("failed").asInt(),
        c.get("total").asInt(),
        job.get("recordsPerSecond").asDouble());
    if (job.hasNonNull("failure")) {
      out.println(
          "  job failed: "
              + job.get("failure").get("code").asText()
              + " "
              + job.get("failure").path("message").asText());
    }
    String cursor = "";
    while (cursor != null) {
      JsonNode page =
          JSON.readTree(
              api.get(
                  "imports/"
                      + job.get("id").asText()
                      + "/items?status=FAILED&size=1000&cursor="
                      + ApiClient.encode(cursor)));
      for (JsonNode i : page.get("items")) {
        out.println(
            "  FAILED #"
                + i.get("index").asInt()
                + " "
                + i.get("path").asText()
                + ": "
                + i.path("code").asText()
                + " "
                + i.path("message").asText());
      }
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    }
  }

  private static String problem(ApiClient.Refused e) {
    String m = e.getMessage();
    int brace = m.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode p = JSON.readTree(m.substring(brace));
        return p.path("code").asText() + " " + p.path("detail").asText();
      } catch (IOException ignored) {
        // the raw message below
      }
    }
    return m;
  }
}

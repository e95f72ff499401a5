package vn.tangthu.archive.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code reextract --url … --token … --status NEEDS_OCR|FAILED}: asks a running server to read
 * again every record whose extraction has that status ({@code POST /reextract}, ADMIN), e.g. the
 * NEEDS_OCR records once Tesseract is installed. Prints the server's answer ({@code {status,
 * queued}}); the records are PENDING until read, and their {@code extraction.ocr.pagesDone} shows
 * the progress.
 */
public final class ReextractCommand extends Command {

  private final PrintStream out;

  public ReextractCommand() {
    this(System.out);
  }

  public ReextractCommand(PrintStream out) {
    super("reextract", "Reads again the records whose extraction is NEEDS_OCR or FAILED");
    this.out = out;
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
        .help("an administrator's API token (env ARCHIVE_TOKEN)");
    subparser
        .addArgument("--status")
        .required(true)
        .choices("NEEDS_OCR", "FAILED")
        .help("which records to read again");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    ApiClient api = new ApiClient(ns.getString("url"), ns.getString("token"));
    String body = ClientCommand.object().put("status", ns.getString("status")).toString();
    out.println(api.post("reextract", body));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}

package vn.tangthu.archive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * A command that acts for a person through a running server: {@code --url} (default {@code
 * http://localhost:8080}, or {@code ARCHIVE_URL}) and {@code --token} (or {@code ARCHIVE_TOKEN}).
 * Prints the server's JSON answer; a refusal is printed to stderr with exit status 1.
 */
abstract class ClientCommand extends Command {

  static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;

  ClientCommand(String name, String description, PrintStream out) {
    super(name, description);
    this.out = out;
  }

  @Override
  public final void configure(Subparser subparser) {
    subparser
        .addArgument("--url")
        .setDefault(System.getenv().getOrDefault("ARCHIVE_URL", "http://localhost:8080"))
        .help("the server, e.g. http://localhost:8080 (env ARCHIVE_URL)");
    subparser
        .addArgument("--token")
        .setDefault(System.getenv("ARCHIVE_TOKEN"))
        .help("your API token (env ARCHIVE_TOKEN)");
    Subparsers actions = subparser.addSubparsers().dest("action").metavar("ACTION");
    actions(actions);
  }

  /** Declares the sub-actions. */
  abstract void actions(Subparsers actions);

  /** Runs the chosen action; returns what to print. */
  abstract String act(ApiClient api, String action, Namespace ns) throws Exception;

  @Override
  public final void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
    ApiClient api = new ApiClient(ns.getString("url"), ns.getString("token"));
    String result = act(api, ns.getString("action"), ns);
    if (result != null && !result.isEmpty()) {
      out.println(pretty(result));
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private static String pretty(String json) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
    } catch (java.io.IOException e) {
      return json;
    }
  }
}

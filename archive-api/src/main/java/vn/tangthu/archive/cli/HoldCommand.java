package vn.tangthu.archive.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code hold place|release}: legal holds through a running server ({@code POST /holds}, {@code
 * DELETE /holds/{id}}).
 *
 * <pre>
 * hold --url … --token … place --name … --reason … --authority … (--record ID … | --query "…")
 * hold … release HOLD_ID [--reason …]
 * </pre>
 */
public final class HoldCommand extends ClientCommand {

  public HoldCommand() {
    this(System.out);
  }

  public HoldCommand(PrintStream out) {
    super("hold", "Places or releases a legal hold", out);
  }

  @Override
  void actions(Subparsers actions) {
    Subparser place = actions.addParser("place").help("place a hold on records or a query");
    place.addArgument("--name").required(true);
    place.addArgument("--reason").required(true);
    place.addArgument("--authority").required(true).help("who ordered it");
    place
        .addArgument("--record")
        .dest("records")
        .action(Arguments.append())
        .help("a record id (repeatable)");
    place
        .addArgument("--query")
        .help("hold what this search finds (resolved once, with your visibility)");
    Subparser release = actions.addParser("release").help("release a hold");
    release.addArgument("id");
    release.addArgument("--reason");
  }

  @Override
  String act(ApiClient api, String action, Namespace ns) {
    return switch (action) {
      case "place" -> {
        ObjectNode body =
            object()
                .put("name", ns.getString("name"))
                .put("reason", ns.getString("reason"))
                .put("authority", ns.getString("authority"));
        List<String> records = ns.getList("records");
        if (records != null && !records.isEmpty()) {
          var ids = body.putArray("recordIds");
          records.forEach(ids::add);
        }
        if (ns.getString("query") != null) {
          body.put("query", ns.getString("query"));
        }
        if (!body.has("recordIds") && !body.has("query")) {
          throw new IllegalArgumentException("give --record ID (repeatable) or --query");
        }
        yield api.post("holds", body.toString());
      }
      case "release" -> {
        ObjectNode body = object();
        if (ns.getString("reason") != null) {
          body.put("reason", ns.getString("reason"));
        }
        yield api.delete("holds/" + ApiClient.encode(ns.getString("id")), body.toString());
      }
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }
}

package vn.tangthu.archive.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code sweep plan|items|approve|execute|reject}: disposition sweeps through a running server.
 *
 * <pre>
 * sweep --url http://localhost:8080 --token … plan --agency SNV [--as-of 2026-01-01]
 * sweep … items SWEEP_ID [--csv]
 * sweep … approve SWEEP_ID
 * sweep … execute SWEEP_ID
 * sweep … reject SWEEP_ID --reason "…"
 * </pre>
 */
public final class SweepCommand extends ClientCommand {

  public SweepCommand() {
    this(System.out);
  }

  public SweepCommand(PrintStream out) {
    super("sweep", "Plans, lists, approves, executes or rejects a disposition sweep", out);
  }

  @Override
  void actions(Subparsers actions) {
    Subparser plan =
        actions.addParser("plan").help("plan a sweep of an agency and its descendants");
    plan.addArgument("--agency").required(true).help("the agency code");
    plan.addArgument("--as-of").dest("asOf").help("the sweep's date, YYYY-MM-DD (default today)");
    Subparser items = actions.addParser("items").help("list a sweep's items");
    items.addArgument("id");
    items.addArgument("--csv").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue());
    actions.addParser("approve").help("approve (APPROVER, not the planner)").addArgument("id");
    actions.addParser("execute").help("execute an approved sweep").addArgument("id");
    Subparser reject = actions.addParser("reject").help("reject a planned sweep");
    reject.addArgument("id");
    reject.addArgument("--reason").required(true);
  }

  @Override
  String act(ApiClient api, String action, Namespace ns) {
    String path =
        ns.getString("id") == null
            ? null
            : "retention/sweeps/" + ApiClient.encode(ns.getString("id"));
    return switch (action) {
      case "plan" -> {
        ObjectNode body = object().put("agencyCode", ns.getString("agency"));
        if (ns.getString("asOf") != null) {
          body.put("asOf", ns.getString("asOf"));
        }
        yield api.post("retention/sweeps", body.toString());
      }
      case "items" ->
          Boolean.TRUE.equals(ns.getBoolean("csv")) ? csv(api, path) : allItems(api, path);
      case "approve" -> api.post(path + "/approve", "{}");
      case "execute" -> api.post(path + "/execute", "{}");
      case "reject" ->
          api.post(path + "/reject", object().put("reason", ns.getString("reason")).toString());
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }

  private static String csv(ApiClient api, String path) {
    var buffer = new java.io.ByteArrayOutputStream();
    api.download(path + "/items.csv", buffer);
    return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Every page of items, as one JSON object {@code {items:[…]}}. */
  private static String allItems(ApiClient api, String path) {
    var all = JSON.createArrayNode();
    String cursor = "";
    try {
      do {
        var page = JSON.readTree(api.get(path + "/items?size=1000&cursor=" + cursor));
        page.get("items").forEach(all::add);
        var next = page.get("nextCursor");
        cursor = next == null || next.isNull() ? null : ApiClient.encode(next.asText());
      } while (cursor != null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return object().set("items", all).toString();
  }
}

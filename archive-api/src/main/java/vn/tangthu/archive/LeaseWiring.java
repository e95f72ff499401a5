package vn.tangthu.archive;

import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.lease.Leases;

/**
 * This node's job leases, named after the node's identity kept in its data directory (the name
 * import jobs lease under too), managed so renewals stop with the server.
 */
final class LeaseWiring {

  private LeaseWiring() {}

  /** The node's name as a lease holder: {@code node-} and a secret kept in the data directory. */
  static String nodeName(DataDirectory dataDir) throws IOException {
    return "node-" + dataDir.secret("node.id", 8);
  }

  static Leases create(Jdbi jdbi, Clock clock, DataDirectory dataDir, Environment env)
      throws IOException {
    Leases leases = new Leases(jdbi, clock, nodeName(dataDir));
    env.lifecycle().manage(leases);
    return leases;
  }
}

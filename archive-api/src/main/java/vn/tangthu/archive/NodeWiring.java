package vn.tangthu.archive;

import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.health.ContentHealthCheck;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.record.OriginalContent;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * The parts that let API nodes share one PostgreSQL and one S3 endpoint: this node's job leases,
 * named after the node's identity kept in its data directory (the name import jobs lease under
 * too), and the verified serving of originals with its {@code content} health check.
 */
final class NodeWiring {

  private NodeWiring() {}

  /** The node's name as a lease holder: {@code node-} and a secret kept in the data directory. */
  static String nodeName(DataDirectory dataDir) throws IOException {
    return "node-" + dataDir.secret("node.id", 8);
  }

  /** The job leases, managed so renewals stop with the server. */
  static Leases leases(Jdbi jdbi, Clock clock, DataDirectory dataDir, Environment env)
      throws IOException {
    Leases leases = new Leases(jdbi, clock, nodeName(dataDir));
    env.lifecycle().manage(leases);
    return leases;
  }

  /** Whole originals served verified; registers the {@code content} health check. */
  static OriginalContent content(
      Jdbi jdbi,
      ObjectStore store,
      String bucket,
      Clock clock,
      DataDirectory dataDir,
      Environment env)
      throws IOException {
    OriginalContent content = new OriginalContent(jdbi, store, bucket, clock, nodeName(dataDir));
    env.healthChecks().register("content", new ContentHealthCheck(content));
    return content;
  }
}

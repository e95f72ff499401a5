package vn.tangthu.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.tangthu.storage.internal.auth.SigV4Verifier;
import vn.tangthu.storage.internal.http.Metrics;
import vn.tangthu.storage.internal.http.S3Handler;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.UploadSweeper;

/**
 * A running S3-compatible storage node (path-style addressing, AWS Signature V4).
 *
 * <p>Guarantees: an acknowledged write is durable (fsynced data and sidecar, atomic rename, fsynced
 * directories); a crash leaves the previous or the new state of an object; a full GET never
 * delivers bytes whose SHA-256 differs from the one recorded at write. {@code GET /health} answers
 * 200 and {@code GET /metrics} the Prometheus text format, both without authentication.
 *
 * <p>Multipart uploads left incomplete longer than {@link StorageNodeConfig#abandonedUploadAge()}
 * are aborted by a background sweep.
 *
 * <p>Thread-safe. {@link #close()} stops accepting connections, waits (up to 30 s) for in-flight
 * requests, then stops.
 */
public final class StorageNode implements AutoCloseable {
  private static final long STOP_TIMEOUT_MS = 30_000;

  private final Server server;
  private final ServerConnector connector;
  private final URI endpoint;
  private final DiskStore store;
  private final UploadSweeper sweeper;
  private final ExecutorService hashers;

  private StorageNode(
      Server server,
      ServerConnector connector,
      String host,
      DiskStore store,
      UploadSweeper sweeper,
      ExecutorService hashers) {
    this.hashers = hashers;
    this.server = server;
    this.store = store;
    this.sweeper = sweeper;
    this.connector = connector;
    String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    this.endpoint =
        URI.create(
            "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + connector.getLocalPort());
  }

  /**
   * Starts a node and returns once it accepts connections.
   *
   * @throws IOException when the data directory cannot be prepared or the port cannot be bound
   */
  public static StorageNode start(StorageNodeConfig config) throws IOException {
    return start(config, Clock.systemUTC());
  }

  /** Starts a node whose signature, retention and timestamp decisions use {@code clock}. */
  public static StorageNode start(StorageNodeConfig config, Clock clock) throws IOException {
    DiskStore store = new DiskStore(config.dataDir(), clock);
    Map<String, String> secrets = new LinkedHashMap<>();
    config.credentials().forEach(c -> secrets.put(c.accessKey(), c.secretKey()));
    ExecutorService hashers = hashers();
    S3Handler handler =
        new S3Handler(
            store, new SigV4Verifier(secrets, clock), new Metrics(), config.region(), hashers);

    QueuedThreadPool pool = new QueuedThreadPool(200, 8);
    pool.setName("storage-node");
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setRequestHeaderSize(32 * 1024);
    http.setRelativeRedirectAllowed(true);
    // signatures cover header values byte for byte: never let the parser substitute cached values
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(300_000);
    server.addConnector(connector);
    server.setHandler(new GracefulHandler(handler));
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setStopAtShutdown(false);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
        store.close();
        hashers.shutdownNow();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IOException(
          "could not start the storage node on " + config.host() + ":" + config.port(), e);
    }
    return new StorageNode(
        server,
        connector,
        config.host(),
        store,
        new UploadSweeper(store, config.abandonedUploadAge()),
        hashers);
  }

  /** One hashing thread per core for the SHA-256 checks of large GETs (daemon threads). */
  private static ExecutorService hashers() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        r -> {
          Thread t = new Thread(r, "storage-hash-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Base URI, e.g. {@code http://127.0.0.1:9000}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The interface the node is bound to, as configured ({@code 0.0.0.0}: every interface). */
  public String boundHost() {
    return connector.getHost();
  }

  /** The bound TCP port. */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Graceful stop: no new connections, in-flight requests finish, the server stops, then the write
   * journal is checkpointed and closed.
   */
  @Override
  public void close() {
    try {
      sweeper.close();
      server.stop();
      store.close();
      hashers.shutdownNow();
    } catch (Exception e) {
      throw new IllegalStateException("storage node did not stop cleanly", e);
    }
  }
}

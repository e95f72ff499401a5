import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Connects with the archive's PostgreSQL JDBC driver through a multi-host URL, the way every API
 * node does (a new connection per attempt, as the pool opens them), and writes one row tagged with
 * the server's port. Retries until a write succeeds or the deadline passes; prints the port that
 * took the write and how long it took. Usage (single-file source, the driver on the class path):
 * {@code java -cp postgresql.jar JdbcFailoverCheck.java <jdbc url> <user> <tag> <seconds>}.
 * Exit status 0 on a successful write, 1 when none succeeded before the deadline.
 */
public final class JdbcFailoverCheck {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Properties props = new Properties();
    props.setProperty("user", args[1]);
    props.setProperty("connectTimeout", "2");
    props.setProperty("socketTimeout", "10");
    String tag = args[2];
    long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
    long start = System.nanoTime();
    int attempts = 0;
    boolean failed = false;
    String last = "";
    while (System.nanoTime() < deadline) {
      attempts++;
      try (Connection c = DriverManager.getConnection(url, props);
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO failover_check (tag, port) VALUES ('" + tag + "', inet_server_port())");
        try (ResultSet r = s.executeQuery("SELECT inet_server_port(), pg_is_in_recovery()")) {
          r.next();
          System.out.printf(
              "jdbc: %s wrote to port %d (in recovery: %b) after %d attempt(s), %.1f s%n",
              tag,
              r.getInt(1),
              r.getBoolean(2),
              attempts,
              (System.nanoTime() - start) / 1e9);
        }
        return;
      } catch (java.sql.SQLException e) {
        last = e.getMessage();
        if (!failed) {
          failed = true;
          System.out.println("jdbc: " + tag + " first attempt failed: " + last);
          System.out.flush();
        }
        Thread.sleep(200);
      }
    }
    System.out.println("jdbc: " + tag + " no write within the deadline; last error: " + last);
    System.exit(1);
  }
}

package vn.tangthu.archive;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import vn.tangthu.archive.auth.BearerAuthFilter;
import vn.tangthu.archive.auth.ProblemUnauthorizedHandler;
import vn.tangthu.archive.auth.RoleAuthorizer;
import vn.tangthu.archive.auth.TokenAuthenticator;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.cli.HoldCommand;
import vn.tangthu.archive.cli.ImportCommand;
import vn.tangthu.archive.cli.ReextractCommand;
import vn.tangthu.archive.cli.SweepCommand;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;
import vn.tangthu.archive.error.FrameworkExceptionMappers;
import vn.tangthu.archive.error.JettyErrors;
import vn.tangthu.archive.input.JsonBodyCheck;
import vn.tangthu.archive.input.ParameterCheck;
import vn.tangthu.archive.input.StrictJson;
import vn.tangthu.archive.input.StrictJsonModule;
import vn.tangthu.archive.maintenance.AuditVerifyCommand;
import vn.tangthu.archive.maintenance.EvidenceRenewCommand;
import vn.tangthu.archive.maintenance.EvidenceVerifyCommand;
import vn.tangthu.archive.maintenance.ReindexCommand;
import vn.tangthu.archive.maintenance.ReverifySignaturesCommand;
import vn.tangthu.archive.metrics.PrometheusMetrics;
import vn.tangthu.archive.net.RequestBodyDrain;
import vn.tangthu.archive.openapi.OpenApiResource;
import vn.tangthu.archive.ui.SecurityHeadersFilter;

/**
 * The archive's Dropwizard application. {@code server} with no configuration file starts the
 * embedded default (see {@code embedded.yml}); {@code server config.yml} uses the external
 * PostgreSQL and S3 endpoint the file names. Wiring is by hand, feature by feature, in {@link
 * ArchiveWiring}.
 */
public final class ArchiveApplication extends Application<ArchiveConfiguration> {

  private final Clock clock;
  private volatile ArchiveWiring wiring;

  public ArchiveApplication() {
    this(Clock.systemUTC());
  }

  public ArchiveApplication(Clock clock) {
    this.clock = clock;
  }

  public static void main(String[] args) throws Exception {
    new ArchiveApplication().run(withDefaultConfig(args));
  }

  /** {@code server} (or {@code reindex}) alone means the embedded default's configuration. */
  static String[] withDefaultConfig(String[] args) {
    if (args.length == 1
        && ("server".equals(args[0])
            || "reindex".equals(args[0])
            || "audit-verify".equals(args[0]))) {
      String[] withConfig = Arrays.copyOf(args, 2);
      withConfig[1] = FileOrResourceSourceProvider.EMBEDDED;
      return withConfig;
    }
    return args;
  }

  @Override
  public String getName() {
    return "tangthu";
  }

  @Override
  public void initialize(Bootstrap<ArchiveConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    bootstrap.addCommand(new ReindexCommand());
    bootstrap.addCommand(new AuditVerifyCommand());
    bootstrap.addCommand(new SweepCommand());
    bootstrap.addCommand(new HoldCommand());
    bootstrap.addCommand(new ImportCommand());
    bootstrap.addCommand(new ReextractCommand());
    bootstrap.addBundle(new AssetsBundle("/ui/", "/", "index.html", "ui"));
    bootstrap.addCommand(new EvidenceVerifyCommand());
    bootstrap.addCommand(new EvidenceRenewCommand());
    bootstrap.addCommand(new ReverifySignaturesCommand());
  }

  @Override
  public void run(ArchiveConfiguration config, Environment env) throws Exception {
    env.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    StrictJsonModule.apply(env.getObjectMapper());
    JettyErrors.install(env);
    ArchiveWiring w = ArchiveWiring.create(config, env, clock);
    this.wiring = w;
    env.jersey().setUrlPattern("/api/v1/*");
    env.jersey()
        .register(
            new AuthDynamicFeature(
                new BearerAuthFilter.Builder(w.authLimiter(), w.authFailures())
                    .setAuthenticator(new TokenAuthenticator(w.jdbi(), clock))
                    .setPrefix("Bearer")
                    .setRealm("tangthu")
                    .setAuthorizer(new RoleAuthorizer())
                    .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                    .buildAuthFilter()));
    env.jersey().register(RolesAllowedDynamicFeature.class);
    env.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    FrameworkExceptionMappers.all().forEach(env.jersey()::register);
    env.jersey().register(new ParameterCheck());
    env.jersey().register(new JsonBodyCheck(new StrictJson(env.getObjectMapper())));
    w.resources().forEach(env.jersey()::register);
    env.jersey().register(new OpenApiResource());
    PrometheusMetrics.register(env);
    env.servlets()
        .addFilter("security-headers", new SecurityHeadersFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    env.servlets()
        .addFilter("request-body-drain", new RequestBodyDrain())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }

  /** The running application's parts, for tests and commands; null before {@code run}. */
  public ArchiveWiring wiring() {
    return wiring;
  }
}

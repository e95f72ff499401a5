package vn.tangthu.archive.maintenance;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;

/**
 * Base of the maintenance commands that work on the archive's data offline: the configuration file
 * is optional (the embedded default without one), and a failure is reported as its message on one
 * line of standard error with exit status 1 (no stack trace). Subclasses open the data through
 * {@link OfflineArchive}, which refuses while a server holds the data directory.
 */
public abstract class OfflineCommand extends ConfiguredCommand<ArchiveConfiguration> {

  protected OfflineCommand(String name, String description) {
    super(name, description);
  }

  @Override
  protected Argument addFileArgument(Subparser subparser) {
    return super.addFileArgument(subparser).setDefault(FileOrResourceSourceProvider.EMBEDDED);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}

package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.ServerFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The whole configuration. Without a config file the application loads the bundled {@code
 * embedded.yml}, whose values come from the {@code ARCHIVE_*} environment variables; a config file
 * given to {@code server} may use {@code ${VAR:-default}} substitution too. Dropwizard validates it
 * at start-up (Hibernate Validator): a value out of bounds fails start-up with a message naming the
 * field. A block left out of the file takes its record's {@code defaults()}.
 */
public final class ArchiveConfiguration extends Configuration {

  @NotBlank private String dataDir = "./data";
  @Valid @NotNull private DatabaseConfig database = DatabaseConfig.defaults();
  @Valid @NotNull private StorageConfig storage = StorageConfig.defaults();
  @Valid @NotNull private IndexConfig index = IndexConfig.defaults();
  private String adminToken;
  @Valid @NotNull private SignatureConfig signatures = SignatureConfig.defaults();
  @Valid @NotNull private ImportConfig imports = ImportConfig.defaults();
  @Valid @NotNull private PrintingConfig printing = PrintingConfig.defaults();

  public ArchiveConfiguration() {
    setServerFactory(new ArchiveServerFactory());
  }

  /** The {@code server:} block is always an {@link ArchiveServerFactory}. */
  @Override
  @JsonProperty("server")
  @JsonDeserialize(as = ArchiveServerFactory.class)
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      property = "type",
      defaultImpl = ArchiveServerFactory.class)
  @JsonSubTypes(@JsonSubTypes.Type(value = ArchiveServerFactory.class, name = "archive"))
  public void setServerFactory(ServerFactory factory) {
    if (!(factory instanceof ArchiveServerFactory)) {
      throw new IllegalArgumentException("server must be of type archive");
    }
    super.setServerFactory(factory);
  }

  /** The {@code server:} block, with the archive's own settings. */
  public ArchiveServerFactory server() {
    return (ArchiveServerFactory) getServerFactory();
  }

  @JsonProperty
  public SignatureConfig getSignatures() {
    return signatures;
  }

  @JsonProperty
  public void setSignatures(SignatureConfig signatures) {
    this.signatures = signatures;
  }

  @JsonProperty
  public PrintingConfig getPrinting() {
    return printing;
  }

  @JsonProperty
  public void setPrinting(PrintingConfig printing) {
    this.printing = printing;
  }

  @JsonProperty
  public ImportConfig getImports() {
    return imports;
  }

  @JsonProperty
  public void setImports(ImportConfig imports) {
    this.imports = imports;
  }

  @JsonProperty
  public String getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public Path dataPath() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  @JsonProperty
  public DatabaseConfig getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseConfig database) {
    this.database = database;
  }

  @JsonProperty
  public StorageConfig getStorage() {
    return storage;
  }

  @JsonProperty
  public void setStorage(StorageConfig storage) {
    this.storage = storage;
  }

  @JsonProperty
  public IndexConfig getIndex() {
    return index;
  }

  @JsonProperty
  public void setIndex(IndexConfig index) {
    this.index = index;
  }

  /** Bootstrap token of the built-in {@code admin}; null to generate one on first start. */
  @JsonProperty
  public String getAdminToken() {
    return adminToken;
  }

  @JsonProperty
  public void setAdminToken(String adminToken) {
    this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
  }
}

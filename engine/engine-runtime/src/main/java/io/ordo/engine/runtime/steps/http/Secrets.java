package io.ordo.engine.runtime.steps.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named secrets for webhook signatures, from configuration only: the environment variable
 * {@code ORDO_SECRET_<NAME>} (upper case, {@code -} and {@code .} as {@code _}) wins over
 * {@code ordo.secrets.<name>} in HOCON. Values are never logged or put in errors; {@link
 * #toString} shows nothing.
 */
public final class Secrets {

  private final Config config;
  private final Map<String, String> environment;

  public Secrets(Config config, Map<String, String> environment) {
    this.config = config;
    this.environment = Map.copyOf(environment);
  }

  /** Secrets from {@code config} and this process's environment. */
  public static Secrets from(Config config) {
    return new Secrets(config, System.getenv());
  }

  public Optional<String> get(String name) {
    String fromEnvironment = environment.get(environmentVariable(name));
    if (fromEnvironment != null) {
      return Optional.of(fromEnvironment);
    }
    return fromConfig(ConfigUtil.joinPath("ordo", "secrets", name))
        .or(() -> name.contains(".") ? fromConfig("ordo.secrets." + name) : Optional.empty());
  }

  /** {@code billing-hook} → {@code ORDO_SECRET_BILLING_HOOK}. */
  public static String environmentVariable(String name) {
    return "ORDO_SECRET_" + name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  private Optional<String> fromConfig(String path) {
    try {
      if (config.hasPath(path) && config.getValue(path).valueType() != ConfigValueType.OBJECT) {
        return Optional.of(config.getString(path));
      }
      return Optional.empty();
    } catch (ConfigException.BadPath e) {
      // A name HOCON cannot spell as a path is simply not configured there.
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "Secrets[values hidden]";
  }
}

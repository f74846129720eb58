package io.ordo.engine.runtime.steps.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private final Secrets secrets = new Secrets(ConfigFactory.parseString("""
      ordo.secrets {
        billing-hook = "from-config"
        shared = "config-loses"
        "dotted.name" = "quoted"
        nested.name = "nested"
      }"""), Map.of("ORDO_SECRET_SHARED", "env-wins", "ORDO_SECRET_ONLY_ENV", "env"));

  @Test
  void readsConfigurationAndTheEnvironmentWhichWins() {
    assertEquals(Optional.of("from-config"), secrets.get("billing-hook"));
    assertEquals(Optional.of("env-wins"), secrets.get("shared"));
    assertEquals(Optional.of("env"), secrets.get("only-env"));
    assertEquals(Optional.of("env"), secrets.get("only.env"));
  }

  @Test
  void readsDottedNamesQuotedOrNested() {
    assertEquals(Optional.of("quoted"), secrets.get("dotted.name"));
    assertEquals(Optional.of("nested"), secrets.get("nested.name"));
    assertFalse(secrets.get("nested").isPresent());
  }

  @Test
  void anUnknownOrUnspellableNameIsAbsent() {
    assertFalse(secrets.get("missing").isPresent());
    assertFalse(secrets.get("a..b").isPresent());
    assertFalse(secrets.get("").isPresent());
  }

  @Test
  void namesTheEnvironmentVariableAndHidesValues() {
    assertEquals("ORDO_SECRET_BILLING_HOOK", Secrets.environmentVariable("billing-hook"));
    assertEquals("ORDO_SECRET_A_B", Secrets.environmentVariable("a.b"));
    assertTrue(secrets.toString().contains("hidden"));
    assertFalse(secrets.toString().contains("from-config"));
  }
}

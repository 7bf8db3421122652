package org.nashlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void masksTheUserInformationOfEveryAddress() {
    assertEquals(
        "tracking at http://***@host:5000/x and https://***@h",
        Secrets.withoutUserInfo("tracking at http://user:secret@host:5000/x and https://tok@h"));
    assertEquals("at http://***@host/x", Secrets.withoutUserInfo("at http://user:pa/ss@host/x"));
  }

  @Test
  void masksKeysThatNameASecret() {
    assertTrue(Secrets.isSecretKey("tracking.api-token"));
    assertTrue(Secrets.isSecretKey("dataset.password"));
    assertFalse(Secrets.isSecretKey("training.steps"));
    assertEquals("***", Secrets.shown("x.password", "hunter2"));
  }

  @Test
  void aKeyNamesASecretWhenOneOfItsWordsDoes() {
    for (String key :
        new String[] {"password", "db-password", "apiToken", "api-key", "API_KEY", "x.secret"}) {
      assertTrue(Secrets.isSecretKey(key), key);
    }
    for (String key : new String[] {"tokens", "max-tokens", "tokenizer", "secretary", "keys"}) {
      assertFalse(Secrets.isSecretKey(key), key);
    }
  }

  @Test
  void aLineIsMaskedFromASecretKeyToItsEnd() {
    assertEquals("password: ***", Secrets.maskedLine("password: hunter 2, and more"));
    assertEquals("  api-token=***", Secrets.maskedLine("  api-token=[t1, t2]"));
    assertEquals("Authorization: ***", Secrets.maskedLine("Authorization: Bearer abc"));
    assertEquals("max-tokens: 5, tokens: 6", Secrets.maskedLine("max-tokens: 5, tokens: 6"));
    assertEquals("see http://***@h:5000", Secrets.maskedLine("see http://u:p@h:5000"));
  }

  @Test
  void aYamlFileIsMaskedAsATree() {
    String masked =
        Secrets.maskedYaml(
            "name: s\ngrid:\n  tracking.password: [a, b]\nkey: |\n  x\nnote: 'http://u:p@h'\n");
    assertFalse(masked.contains(": a") || masked.contains("u:p"), masked);
    assertTrue(masked.contains("tracking.password: '***'"), masked);
    assertTrue(masked.contains("http://***@h"), masked);
  }
}

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
    assertEquals("http://host/a@b", Secrets.withoutUserInfo("http://host/a@b"));
  }

  @Test
  void masksKeysThatNameASecret() {
    assertTrue(Secrets.isSecretKey("tracking.api-token"));
    assertTrue(Secrets.isSecretKey("dataset.password"));
    assertFalse(Secrets.isSecretKey("training.steps"));
    assertEquals("***", Secrets.shown("x.password", "hunter2"));
  }
}

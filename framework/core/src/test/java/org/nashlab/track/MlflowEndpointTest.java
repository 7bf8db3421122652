package org.nashlab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.api.EnvironmentException;

class MlflowEndpointTest {
  @Test
  void readsBasicCredentialsFromTheEnvironment() {
    MlflowEndpoint endpoint =
        MlflowEndpoint.of(
            "http://mlflow:5000/",
            "tracking.uri",
            Map.of(
                "MLFLOW_TRACKING_USERNAME", "admin", "MLFLOW_TRACKING_PASSWORD", "password1234"));
    assertEquals("http://mlflow:5000", endpoint.uri());
    assertEquals("admin", endpoint.hostCreds().getUsername());
    assertEquals(Optional.of("Basic YWRtaW46cGFzc3dvcmQxMjM0"), endpoint.authorization());
  }

  @Test
  void readsATokenAndNeverPrintsIt() {
    MlflowEndpoint endpoint =
        MlflowEndpoint.of("https://x", "tracking.uri", Map.of("MLFLOW_TRACKING_TOKEN", "s3cret"));
    assertEquals(Optional.of("Bearer s3cret"), endpoint.authorization());
    assertEquals("s3cret", endpoint.hostCreds().getToken());
    assertEquals("https://x", endpoint.toString());
  }

  @Test
  void takesUserInformationOutOfTheAddressAndSendsItAsCredentials() {
    MlflowEndpoint endpoint =
        MlflowEndpoint.of("http://alice:s%40cret@mlflow:5000/", "tracking.uri", Map.of());
    assertEquals("http://mlflow:5000", endpoint.uri());
    assertEquals("alice", endpoint.hostCreds().getUsername());
    assertEquals("s@cret", endpoint.hostCreds().getPassword());
    assertEquals("http://mlflow:5000", endpoint.toString());
  }

  @Test
  void theEnvironmentsCredentialsWinOverTheAddresss() {
    MlflowEndpoint endpoint =
        MlflowEndpoint.of(
            "http://alice:secret@mlflow:5000",
            "tracking.uri",
            Map.of("MLFLOW_TRACKING_USERNAME", "bob", "MLFLOW_TRACKING_PASSWORD", "pw"));
    assertEquals("http://mlflow:5000", endpoint.uri());
    assertEquals("bob", endpoint.hostCreds().getUsername());
  }

  @Test
  void aMaskedAddressNeedsItsCredentialsFromTheEnvironment() {
    var e =
        assertThrows(
            EnvironmentException.class,
            () -> MlflowEndpoint.of("http://***@mlflow:5000", "tracking.uri", Map.of()));
    assertTrue(e.getMessage().contains("set MLFLOW_TRACKING_USERNAME"), e.getMessage());
    MlflowEndpoint endpoint =
        MlflowEndpoint.of(
            "http://***@mlflow:5000",
            "tracking.uri",
            Map.of("MLFLOW_TRACKING_USERNAME", "bob", "MLFLOW_TRACKING_PASSWORD", "pw"));
    assertEquals("http://mlflow:5000", endpoint.uri());
    assertEquals("bob", endpoint.hostCreds().getUsername());
  }

  @Test
  void unusableUserInformationIsAnEnvironmentErrorThatDoesNotRepeatIt() {
    for (String address :
        new String[] {
          "http://bob:50%off@h", "http://bob@h", "http://bob:a b@h", "http://bob:x^y@h"
        }) {
      var e =
          assertThrows(
              EnvironmentException.class,
              () -> MlflowEndpoint.of(address, "tracking.uri", Map.of()),
              address);
      assertTrue(e.getMessage().contains("tracking.uri"), e.getMessage());
      assertTrue(
          !e.getMessage().contains("off") && !e.getMessage().contains("x^y"), e.getMessage());
    }
  }
}

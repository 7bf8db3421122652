package org.nashlab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArtifactUploaderTest {
  @Test
  void mapsTheRunsArtifactUriOntoTheProxiedApi() {
    assertEquals(
        "1/abc/artifacts", ArtifactUploader.runFolder("mlflow-artifacts:/1/abc/artifacts"));
  }

  @Test
  void aServerWithoutArtifactProxyingGetsAnActionableError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ArtifactUploader.runFolder("s3://bucket/1/abc/artifacts"));
    assertTrue(e.getMessage().contains("--serve-artifacts"), e.getMessage());
  }
}

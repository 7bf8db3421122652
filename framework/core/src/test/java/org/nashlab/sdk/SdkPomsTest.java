package org.nashlab.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin parent must pin the build plugins nash-parent uses, at the same versions, so that a
 * plugin project builds offline from a local repository that built Nash; and it is Nash's version.
 */
class SdkPomsTest {
  private static final Path ROOT = Path.of("../..");

  @Test
  void thePluginParentPinsTheBuildPluginsAtNashParentsVersions() throws Exception {
    Map<String, String> nash = pinnedPlugins(pom(ROOT.resolve("pom.xml")));
    Map<String, String> plugin = pinnedPlugins(pom(ROOT.resolve("sdk/plugin-parent/pom.xml")));
    assertFalse(plugin.isEmpty());
    plugin.forEach(
        (artifact, version) -> assertEquals(nash.get(artifact), version, artifact + " version"));
  }

  @Test
  void thePluginParentIsNashsVersion() throws Exception {
    Document plugin = pom(ROOT.resolve("sdk/plugin-parent/pom.xml"));
    assertEquals(NashVersion.current(), child(plugin.getDocumentElement(), "version"));
    assertEquals(
        NashVersion.current(),
        plugin.getElementsByTagName("nash.version").item(0).getTextContent());
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static Map<String, String> pinnedPlugins(Document pom) {
    Element management = (Element) pom.getElementsByTagName("pluginManagement").item(0);
    NodeList plugins = management.getElementsByTagName("plugin");
    Map<String, String> versions = new LinkedHashMap<>();
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      versions.put(child(plugin, "artifactId"), child(plugin, "version"));
    }
    return versions;
  }

  private static String child(Element parent, String tag) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent();
      }
    }
    throw new IllegalArgumentException(parent.getTagName() + " has no <" + tag + ">");
  }
}

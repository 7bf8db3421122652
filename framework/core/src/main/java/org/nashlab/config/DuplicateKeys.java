package org.nashlab.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The first key given twice in one map of a YAML text, with its full dotted path and both lines:
 * SnakeYAML's own error names only the last segment and the second line.
 */
final class DuplicateKeys {
  /** A key given twice: its dotted path, and the lines of its first and second appearance. */
  record Duplicate(String key, int first, int second) {
    String message() {
      return "is given twice (lines " + first + " and " + second + "); give each key once";
    }
  }

  private DuplicateKeys() {}

  /** The first duplicate of {@code yaml}, if it parses as YAML at all. */
  static Optional<Duplicate> in(String yaml) {
    try {
      return in(CoreSchemaYaml.create().compose(new java.io.StringReader(yaml)), "");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duplicate> in(Node node, String path) {
    if (node instanceof MappingNode map) {
      Map<String, Integer> lines = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        String key =
            tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "(a map key)";
        String full = path.isEmpty() ? key : path + "." + key;
        int line = tuple.getKeyNode().getStartMark().getLine() + 1;
        Integer first = lines.putIfAbsent(key, line);
        if (first != null) {
          return Optional.of(new Duplicate(full, first, line));
        }
        Optional<Duplicate> inside = in(tuple.getValueNode(), full);
        if (inside.isPresent()) {
          return inside;
        }
      }
    } else if (node instanceof SequenceNode list) {
      List<Node> items = list.getValue();
      for (int i = 0; i < items.size(); i++) {
        Optional<Duplicate> inside = in(items.get(i), path + "[" + i + "]");
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}

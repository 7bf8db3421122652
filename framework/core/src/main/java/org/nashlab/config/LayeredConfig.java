package org.nashlab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * An experiment's configuration merged from its layers (the {@code extends} chain, the file, the
 * command-line overrides), remembering which layer each key came from.
 */
public final class LayeredConfig {
  /** One source of keys, highest priority first in {@link #layers}. */
  record Layer(String label, HierarchicalConfiguration<ImmutableNode> config) {}

  private final Path file;
  private final HierarchicalConfiguration<ImmutableNode> merged;
  private final List<Layer> layers;

  LayeredConfig(Path file, HierarchicalConfiguration<ImmutableNode> merged, List<Layer> layers) {
    this.file = file;
    this.merged = merged;
    this.layers = List.copyOf(layers);
  }

  /** The experiment file the user named. */
  public Path file() {
    return file;
  }

  /** The value at {@code key}, interpolated, or empty. */
  public Optional<String> get(String key) {
    return merged.containsKey(key) ? Optional.ofNullable(merged.getString(key)) : Optional.empty();
  }

  public boolean has(String key) {
    return merged.containsKey(key) || merged.getKeys(key).hasNext();
  }

  /** The full keys under {@code prefix} (or every key when empty), in file order. */
  public List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    Iterator<String> it = prefix.isEmpty() ? merged.getKeys() : merged.getKeys(prefix);
    it.forEachRemaining(keys::add);
    return keys;
  }

  /**
   * The keys directly or deeply under {@code section} (relative, dotted) with their interpolated
   * values. {@code section} may index a list, as in {@code regularizers(0)}.
   */
  public java.util.Map<String, String> section(String section) {
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    if (merged.configurationsAt(section).isEmpty()) {
      return values;
    }
    merged
        .configurationAt(section)
        .getKeys()
        .forEachRemaining(rel -> values.put(rel, merged.getString(section + "." + rel)));
    return values;
  }

  /** How many elements the list at {@code key} has (a map or a scalar counts as one). */
  public int count(String key) {
    return merged.configurationsAt(key).size();
  }

  /** The label of the highest-priority layer that sets {@code key} or something under it. */
  public String origin(String key) {
    for (Layer layer : layers) {
      if (layer.config().containsKey(key) || layer.config().getKeys(key).hasNext()) {
        return layer.label();
      }
    }
    return file.toString();
  }
}

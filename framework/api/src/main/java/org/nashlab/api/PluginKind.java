package org.nashlab.api;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of plugin Nash discovers, each with the interface its plugins implement. */
public enum PluginKind {
  VARIANT("variant", Variant.class),
  LOSS("loss", Loss.class),
  OPTIMIZER("optimizer", Optimizer.class),
  REGULARIZER("regularizer", Regularizer.class),
  METRIC("metric", Metric.class),
  DATASET("dataset", Dataset.class),
  FEATURES("features", Features.class),
  EXECUTOR("executor", Executor.class),
  TRACKER("tracker", Tracker.class);

  private final String label;
  private final Class<?> contract;

  PluginKind(String label, Class<?> contract) {
    this.label = label;
    this.contract = contract;
  }

  /** The kind's name as users write and read it, for example {@code loss}. */
  public String label() {
    return label;
  }

  /** The interface every plugin of this kind implements. */
  public Class<?> contract() {
    return contract;
  }

  /** The kind with this label, if any. */
  public static Optional<PluginKind> byLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
  }
}

package org.nashlab.sweep;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** How a random factor of a sweep draws its values. */
sealed interface Distribution {
  Object sample(RandomGenerator random);

  /** One of the listed values, each equally likely. */
  record Choice(List<Object> values) implements Distribution {
    @Override
    public Object sample(RandomGenerator random) {
      return values.get(random.nextInt(values.size()));
    }
  }

  /** Uniform on {@code [low, high)}. */
  record Uniform(double low, double high) implements Distribution {
    @Override
    public Object sample(RandomGenerator random) {
      return low + (high - low) * random.nextDouble();
    }
  }

  /** Uniform in the logarithm: for learning rates and penalty weights. */
  record LogUniform(double low, double high) implements Distribution {
    @Override
    public Object sample(RandomGenerator random) {
      return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
    }
  }

  /** A whole number in {@code [low, high]}, both included. */
  record IntRange(long low, long high) implements Distribution {
    @Override
    public Object sample(RandomGenerator random) {
      return random.nextLong(low, high + 1);
    }
  }

  /** The kinds a sweep file can name, for messages. */
  List<String> KINDS = List.of("choice", "uniform", "log-uniform", "int");

  /**
   * Reads {@code {choice: [a, b]}}, {@code {uniform: [low, high]}}, {@code {log-uniform: [low,
   * high]}} or {@code {int: [low, high]}}.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  static Distribution parse(Object written) {
    if (!(written instanceof Map<?, ?> map) || map.size() != 1) {
      throw new IllegalArgumentException(
          "expected one of {choice: [...]}, {uniform: [low, high]}, {log-uniform: [low, high]},"
              + " {int: [low, high]}; got "
              + written);
    }
    var entry = map.entrySet().iterator().next();
    String kind = String.valueOf(entry.getKey());
    if (!(entry.getValue() instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs a list, got " + entry.getValue());
    }
    if (kind.equals("choice")) {
      return new Choice(List.copyOf(list));
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "'" + kind + "' is not a distribution; known: " + String.join(", ", KINDS));
    }
    if (list.size() != 2
        || !(list.get(0) instanceof Number low)
        || !(list.get(1) instanceof Number high)) {
      throw new IllegalArgumentException(kind + " needs [low, high] as two numbers, got " + list);
    }
    if (!(low.doubleValue() < high.doubleValue())) {
      throw new IllegalArgumentException(kind + " needs low < high, got " + list);
    }
    return switch (kind) {
      case "uniform" -> new Uniform(low.doubleValue(), high.doubleValue());
      case "log-uniform" -> {
        if (low.doubleValue() <= 0) {
          throw new IllegalArgumentException("log-uniform needs low > 0, got " + list);
        }
        yield new LogUniform(low.doubleValue(), high.doubleValue());
      }
      default -> {
        if (!(low instanceof Integer || low instanceof Long)
            || !(high instanceof Integer || high instanceof Long)) {
          throw new IllegalArgumentException("int needs two whole numbers, got " + list);
        }
        yield new IntRange(low.longValue(), high.longValue());
      }
    };
  }
}

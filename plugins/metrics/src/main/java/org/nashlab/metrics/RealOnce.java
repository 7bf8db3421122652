package org.nashlab.metrics;

import java.util.function.Function;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;

/**
 * Something a metric derives from the real features, computed at the first evaluation and kept: the
 * real samples are the same at every evaluation of a run.
 */
final class RealOnce<T> {
  private T value;

  T get(EvaluationContext context, int samples, Function<Embedding, T> derive) {
    if (value == null) {
      value = derive.apply(context.realFeatures(samples));
    }
    return value;
  }
}

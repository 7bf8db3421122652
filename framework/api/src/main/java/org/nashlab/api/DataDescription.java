package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An experiment's data streams as a {@link Variant} sees them before it builds anything: the format
 * of each stream's samples, by stream name ({@value VariantContext#REAL} for a {@code dataset:}
 * section, the keys of {@code datasets:} otherwise). Nash describes the data from the datasets'
 * {@link Dataset#format()} while validating, and from the open data before the variant builds.
 *
 * <pre>{@code
 * public List<String> problemsWith(DataDescription data) {
 *   return data.ofSingleStream(
 *       real -> real.image() ? List.of() : List.of("needs images; the samples have shape " + real.shape()));
 * }
 * }</pre>
 *
 * @param streams each stream's sample format, in the experiment's order
 */
public record DataDescription(Map<String, SampleFormat> streams) {
  public DataDescription {
    requireNonNull(streams, "streams");
    streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
  }

  /**
   * For a variant that reads the one stream of a {@code dataset:} section: what {@code check} finds
   * wrong with it, or, when the experiment names several streams, that it needs one.
   */
  public List<String> ofSingleStream(Function<SampleFormat, List<String>> check) {
    SampleFormat real = streams.get(VariantContext.REAL);
    if (real == null || streams.size() != 1) {
      return List.of(
          "reads one data stream, a dataset: section; this experiment names the streams "
              + String.join(", ", streams.keySet()));
    }
    return check.apply(real);
  }
}

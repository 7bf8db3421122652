package org.nashlab.features;

import java.util.Map;
import org.nashlab.api.Embedding;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Samples;
import org.tensorflow.ndarray.Shape;

/**
 * A single-channel classifier applied to each channel of stacked samples (Stacked MNIST, Metz et
 * al. 2017): the features are the channels' features side by side, and the class probabilities the
 * product of the channels' ({@code classes^channels} joint classes, the first channel's label the
 * most significant digit), so 3 MNIST channels give the 1000 modes.
 */
final class PerChannelNetwork implements FeatureNetwork {
  private final FeatureNetwork channel;
  private final int channels;

  PerChannelNetwork(FeatureNetwork channel, int channels) {
    this.channel = channel;
    this.channels = channels;
  }

  @Override
  public String id() {
    return channel.id() + "/per-channel";
  }

  @Override
  public Map<String, String> provenance() {
    return channel.provenance();
  }

  @Override
  public Embedding embed(Samples stacked) {
    int n = stacked.count();
    Embedding[] parts = new Embedding[channels];
    for (int c = 0; c < channels; c++) {
      parts[c] = channel.embed(channelOf(stacked, c));
    }
    int d = parts[0].dimension();
    int k = parts[0].classes();
    int joint = (int) Math.pow(k, channels);
    float[] features = new float[n * d * channels];
    float[] probabilities = new float[n * joint];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < channels; c++) {
        System.arraycopy(parts[c].features(), i * d, features, (i * channels + c) * d, d);
      }
      for (int j = 0; j < joint; j++) {
        double p = 1;
        int rest = j;
        for (int c = channels - 1; c >= 0; c--) {
          p *= parts[c].probabilities()[i * k + rest % k];
          rest /= k;
        }
        probabilities[i * joint + j] = (float) p;
      }
    }
    return new Embedding(n, d * channels, features, joint, probabilities);
  }

  private Samples channelOf(Samples stacked, int c) {
    Shape shape = stacked.shape();
    int pixels = Math.toIntExact(shape.size() / channels);
    float[] values = new float[stacked.count() * pixels];
    for (int p = 0; p < values.length; p++) {
      values[p] = stacked.values()[p * channels + c];
    }
    return new Samples(stacked.count(), Shape.of(shape.get(0), shape.get(1), 1), values);
  }

  @Override
  public void close() {
    channel.close();
  }
}

package org.nashlab.features;

import static org.nashlab.api.ParamChecks.positive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.nashlab.api.ChannelStack;
import org.nashlab.api.ContentHash;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.FeatureContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Features;
import org.nashlab.api.IndexedSource;
import org.nashlab.nn.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * A CNN classifier Nash trains on the dataset's labels, caches on disk keyed by the dataset, its
 * parameters and these, and uses as a feature network: its penultimate layer gives the features,
 * its softmax the class probabilities for the Inception Score. A share of the samples is held out
 * to measure its accuracy, which is recorded with every run that uses it. On stacked data (Stacked
 * MNIST) it is trained on the single-channel set and applied to each channel: {@link
 * PerChannelNetwork}.
 */
@Doc("a CNN Nash trains on the dataset's labels and caches; 128-d features and class probabilities")
public final class TrainedClassifier implements Features {
  private static final Logger log = LoggerFactory.getLogger(TrainedClassifier.class);

  /** Changes whenever the architecture or training changes, so old caches are not reused. */
  private static final String VERSION = "cnn-v1";

  public record Params(
      @Doc("training steps") @Default("2000") int steps,
      @Doc("images per step") @Default("128") int batchSize,
      @Doc("Adam's learning rate") @Default("0.001") double lr,
      @Doc("fraction of the samples held out to measure accuracy") @Default("0.1") double heldOut,
      @Doc("seed of the initialisation and the data order") @Default("1") long seed) {
    public Params {
      positive(steps, "steps");
      positive(batchSize, "batch-size");
      positive(lr, "lr");
      if (!(heldOut > 0 && heldOut < 1)) {
        throw new IllegalArgumentException("held-out must be between 0 and 1, got " + heldOut);
      }
    }
  }

  private final Params params;

  public TrainedClassifier(Params params) {
    this.params = params;
  }

  @Override
  public FeatureNetwork open(FeatureContext context) {
    if (context.data() instanceof ChannelStack stack) {
      int channels = Math.toIntExact(context.data().sampleShape().get(2));
      return new PerChannelNetwork(
          open(
              new FeatureContext(
                  stack.channels(), context.datasetKey() + "/channels", context.cache())),
          channels);
    }
    if (!(context.data() instanceof IndexedSource data)
        || data.sampleShape().numDimensions() != 3) {
      throw new IllegalArgumentException(
          "features 'trained-classifier' needs labelled images (fashion-mnist, mnist, cifar10,"
              + " image-folder); "
              + context.datasetKey()
              + " has none. Use metrics that need no features (mode-coverage on mixtures), or"
              + " set features.name: inception-graphdef");
    }
    String key = key(context.datasetKey());
    Path folder = context.cache().resolve("trained-classifier").resolve(key);
    if (!Files.isRegularFile(folder.resolve("classifier.properties"))) {
      train(data, folder, context.datasetKey());
    }
    Properties facts = read(folder.resolve("classifier.properties"));
    Graph graph = new Graph();
    try {
      ClassifierGraph network =
          new ClassifierGraph(graph, data.sampleShape(), data.classes(), new Seeds(params.seed()));
      Session session = new Session(graph);
      session.restore(folder.resolve("variables").toString());
      return new FeatureSession(
          "trained-classifier/" + key,
          Map.of(
              "held-out-accuracy", facts.getProperty("held-out-accuracy"),
              "held-out-samples", facts.getProperty("held-out-samples")),
          graph,
          session,
          UnaryOperator.identity(),
          network.images,
          network.features,
          Optional.of(network.probabilities));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  private void train(IndexedSource data, Path folder, String datasetKey) {
    log.info(
        "Training the feature classifier for {} ({} steps; cached in {})",
        datasetKey,
        params.steps(),
        folder);
    try {
      Files.createDirectories(folder.getParent());
      Path partial = Files.createTempDirectory(folder.getParent(), "training");
      double accuracy = ClassifierTraining.run(data, params, partial.resolve("variables"));
      Properties facts = new Properties();
      facts.setProperty("dataset", datasetKey);
      facts.setProperty("params", params.toString());
      facts.setProperty("held-out-accuracy", String.format("%.4f", accuracy));
      facts.setProperty(
          "held-out-samples", Integer.toString(ClassifierTraining.heldOut(data, params)));
      try (var out = Files.newBufferedWriter(partial.resolve("classifier.properties"))) {
        facts.store(out, "Nash trained-classifier " + VERSION);
      }
      log.info("Feature classifier held-out accuracy: {}", String.format("%.4f", accuracy));
      try {
        Files.move(partial, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException
          | java.nio.file.DirectoryNotEmptyException raced) {
        // Another trial trained the same classifier meanwhile; theirs is as good as ours.
        log.debug("classifier cache {} appeared while training", folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache the feature classifier in " + folder, e);
    }
  }

  private String key(String datasetKey) {
    return ContentHash.hex(VERSION + "\n" + datasetKey + "\n" + params, 8);
  }

  private static Properties read(Path file) {
    Properties facts = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      facts.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return facts;
  }
}

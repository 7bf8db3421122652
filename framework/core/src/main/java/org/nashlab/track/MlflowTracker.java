package org.nashlab.track;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.Page;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.MetricPoint;
import org.nashlab.api.RunRecord;
import org.nashlab.api.RunRequest;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.config.NashHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs runs to an MLflow tracking server: {@code tracking.uri}, else {@code MLFLOW_TRACKING_URI},
 * else Nash's own local server, installed and started on first use.
 */
@Doc(
    "MLflow tracking server (REST through the MLflow Java client, artifacts through the proxied API)")
public final class MlflowTracker implements Tracker {
  private static final Logger log = LoggerFactory.getLogger(MlflowTracker.class);
  static final int MAX_PARAMS_PER_BATCH = 100;
  static final int MAX_PARAM_LENGTH = 6000;
  private static final int SEARCH_PAGE_SIZE = 1000;

  /**
   * The experiment tag MLflow's UI reads to tell a GenAI experiment from a model-training one, and
   * the value for the latter (ExperimentKind in mlflow/server/js/src/experiment-tracking/
   * constants.ts; the key is EXPERIMENT_KIND_TAG_KEY in utils/ExperimentKindUtils.ts).
   */
  static final String EXPERIMENT_KIND = "mlflow.experimentKind";

  static final String MODEL_DEVELOPMENT = "custom_model_development";

  /** The UI's {@code workflowType} for model training (WorkflowType in WorkflowTypeContext.tsx). */
  static final String MACHINE_LEARNING_VIEW = "machine_learning";

  /**
   * @param uri the tracking server
   * @param flushTimeout how long the end of a run waits for an unreachable server
   */
  public record Params(
      @Doc("tracking server; empty uses MLFLOW_TRACKING_URI, else Nash's local server") @Default("")
          String uri,
      @Doc(
              "seconds the end of a run waits for an unreachable server before leaving the rest in"
                  + " the spool")
          @Default("120")
          int flushTimeout) {
    public Params {
      org.nashlab.api.ParamChecks.nonNegative(flushTimeout, "flush-timeout");
    }
  }

  private final Params params;
  private final NashHome home;

  public MlflowTracker(Params params, NashHome home) {
    this.params = params;
    this.home = home;
  }

  /** A reachable server, and what talks to it. */
  private record Connection(
      MlflowEndpoint endpoint, MlflowClient client, ArtifactUploader uploader, Path spools) {}

  private Connection connect() {
    Map<String, String> env = System.getenv();
    String uri;
    String origin;
    if (!params.uri().isBlank()) {
      uri = params.uri();
      origin = "tracking.uri";
    } else if (!env.getOrDefault("MLFLOW_TRACKING_URI", "").isBlank()) {
      uri = env.get("MLFLOW_TRACKING_URI");
      origin = "MLFLOW_TRACKING_URI";
    } else {
      uri = EmbeddedMlflow.ensureRunning(home);
      origin = "Nash's local server";
    }
    MlflowEndpoint endpoint = MlflowEndpoint.of(uri, origin, env);
    checkReachable(endpoint, origin);
    MlflowClient client = new MlflowClient(endpoint.hostCreds());
    ArtifactUploader uploader = new ArtifactUploader(endpoint);
    Path spools = home.spool().resolve(endpoint.uri().replaceAll("[^A-Za-z0-9]+", "_"));
    replayLeftovers(client, uploader, spools);
    return new Connection(endpoint, client, uploader, spools);
  }

  @Override
  public TrackedRun start(RunRequest request) {
    Connection c = connect();
    try {
      String experimentId = experimentId(c.client(), request.experiment());
      Service.RunInfo info =
          c.client()
              .createRun(
                  Service.CreateRun.newBuilder()
                      .setExperimentId(experimentId)
                      .setRunName(request.runName())
                      .setStartTime(System.currentTimeMillis())
                      .addAllTags(tags(request.tags()))
                      .build());
      logParams(c.client(), info.getRunId(), request.params());
      return open(c, info);
    } catch (MlflowClientException | IllegalArgumentException e) {
      throw new EnvironmentException(
          "MLflow at " + c.endpoint() + " refused to start the run: " + e.getMessage(), e);
    }
  }

  @Override
  public TrackedRun reopen(String runId) {
    Connection c = connect();
    try {
      Service.RunInfo info = c.client().getRun(runId).getInfo();
      c.client()
          .sendPost("runs/update", "{\"run_id\": \"" + runId + "\", \"status\": \"RUNNING\"}");
      return open(c, info);
    } catch (MlflowClientException | IllegalArgumentException e) {
      throw new EnvironmentException(
          "MLflow at " + c.endpoint() + " cannot reopen run " + runId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RunRecord run(String runId) {
    Connection c = connect();
    try {
      return record(c, c.client().getRun(runId));
    } catch (MlflowClientException | IllegalArgumentException e) {
      throw new EnvironmentException(
          "MLflow at " + c.endpoint() + " has no run " + runId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<RunRecord> find(String experiment, Map<String, String> tags) {
    return search(
        experiment,
        tags.entrySet().stream()
            .map(e -> "tags.`" + e.getKey() + "` = '" + quoted(e.getValue()) + "'")
            .collect(Collectors.joining(" AND ")));
  }

  @Override
  public List<RunRecord> search(String experiment, String filter) {
    Connection c = connect();
    try {
      var found = c.client().getExperimentByName(experiment);
      if (found.isEmpty()) {
        return List.of();
      }
      String experimentId = found.get().getExperimentId();
      List<RunRecord> runs = new ArrayList<>();
      Page<Service.Run> page =
          c.client()
              .searchRuns(
                  List.of(experimentId), filter, Service.ViewType.ACTIVE_ONLY, SEARCH_PAGE_SIZE);
      while (true) {
        for (Service.Run run : page.getItems()) {
          runs.add(record(c, run));
        }
        if (!page.hasNextPage()) {
          break;
        }
        page = page.getNextPage();
      }
      runs.sort(java.util.Comparator.comparingLong(RunRecord::startTime));
      return runs;
    } catch (MlflowClientException e) {
      if (String.valueOf(e.getMessage()).contains("INVALID_PARAMETER_VALUE")) {
        throw new IllegalArgumentException("MLflow refused the filter: " + e.getMessage(), e);
      }
      throw new EnvironmentException(
          "MLflow at "
              + c.endpoint()
              + " could not search the runs of "
              + experiment
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public List<MetricPoint> history(String runId, String key) {
    Connection c = connect();
    try {
      return c.client().getMetricHistory(runId, key).stream()
          .map(m -> new MetricPoint(m.getStep(), m.getValue()))
          .sorted(java.util.Comparator.comparingLong(MetricPoint::step))
          .toList();
    } catch (MlflowClientException e) {
      throw new EnvironmentException(
          "MLflow at "
              + c.endpoint()
              + " could not read "
              + key
              + " of run "
              + runId
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String quoted(String value) {
    if (value.contains("'")) {
      throw new IllegalArgumentException("a searched tag value must not contain ': " + value);
    }
    return value;
  }

  private static RunRecord record(Connection c, Service.Run run) {
    Map<String, String> tags = new java.util.HashMap<>();
    run.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
    Map<String, Double> metrics = new java.util.HashMap<>();
    run.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
    Map<String, String> params = new java.util.HashMap<>();
    run.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
    Service.RunInfo info = run.getInfo();
    return new RunRecord(
        info.getRunId(),
        url(c, info),
        info.getStatus().name(),
        info.getStartTime(),
        tags,
        metrics,
        params);
  }

  private static String url(Connection c, Service.RunInfo info) {
    return runUrl(c.endpoint().uri(), info.getExperimentId(), info.getRunId());
  }

  /**
   * The run's page in the MLflow UI, in its model-training view. MLflow 3's UI opens an experiment
   * in its GenAI view (traces, judges, prompts) unless the address asks for another: its hash
   * router reads {@code workflowType} from the query after the route, as {@code
   * #/experiments/1/runs/ID?workflowType=machine_learning} (WorkflowTypeContext.tsx in
   * mlflow/server/js/src/common/contexts).
   */
  static String runUrl(String server, String experimentId, String runId) {
    return server
        + "/#/experiments/"
        + experimentId
        + "/runs/"
        + runId
        + "?workflowType="
        + MACHINE_LEARNING_VIEW;
  }

  private MlflowRun open(Connection c, Service.RunInfo info) {
    String runFolder = ArtifactUploader.runFolder(info.getArtifactUri());
    RunDelivery delivery = new RunDelivery(c.client(), c.uploader(), info.getRunId(), runFolder);
    EventSender sender = new EventSender(delivery, new Spool(c.spools().resolve(info.getRunId())));
    return new MlflowRun(
        sender, info.getRunId(), url(c, info), Duration.ofSeconds(params.flushTimeout()));
  }

  private static void checkReachable(MlflowEndpoint endpoint, String origin) {
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.uri() + "/health"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new EnvironmentException(
            "MLflow at "
                + endpoint
                + " answered /health with HTTP "
                + response.statusCode()
                + "; check the server, or unset MLFLOW_TRACKING_URI to use Nash's local server");
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new EnvironmentException(
          "MLflow at "
              + endpoint
              + " is not reachable ("
              + e
              + "); start it, or unset"
              + " MLFLOW_TRACKING_URI to use Nash's local server",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while reaching MLflow at " + endpoint, e);
    }
  }

  private static void replayLeftovers(MlflowClient client, ArtifactUploader uploader, Path spools) {
    for (Spool spool : Spool.leftovers(spools)) {
      try {
        String folder =
            ArtifactUploader.runFolder(client.getRun(spool.runId()).getInfo().getArtifactUri());
        List<TrackingEvent> events = spool.read();
        new RunDelivery(client, uploader, spool.runId(), folder).deliver(events);
        spool.clear();
        log.info("Delivered {} events left from run {}", events.size(), spool.runId());
      } catch (DeliveryException | MlflowClientException e) {
        log.warn("Could not yet deliver the events left in {}: {}", spool.dir(), e.getMessage());
      }
    }
  }

  /**
   * The experiment's id, creating it if need be; either way it is marked as a model-development
   * experiment, which MLflow's UI shows with runs, metrics and charts rather than traces. An
   * experiment whose kind someone already chose keeps it.
   */
  private static String experimentId(MlflowClient client, String name) {
    Optional<Service.Experiment> found = client.getExperimentByName(name);
    if (found.isPresent()) {
      Service.Experiment experiment = found.get();
      if (experimentKind(experiment).isEmpty()) {
        try {
          client.setExperimentTag(experiment.getExperimentId(), EXPERIMENT_KIND, MODEL_DEVELOPMENT);
        } catch (MlflowClientException e) {
          // Only the UI's default view depends on it; the run goes on.
          log.warn(
              "Could not mark experiment {} as model development ({}={}): {}",
              name,
              EXPERIMENT_KIND,
              MODEL_DEVELOPMENT,
              e.getMessage());
        }
      }
      return experiment.getExperimentId();
    }
    try {
      return client.createExperiment(
          Service.CreateExperiment.newBuilder()
              .setName(name)
              .addTags(
                  Service.ExperimentTag.newBuilder()
                      .setKey(EXPERIMENT_KIND)
                      .setValue(MODEL_DEVELOPMENT)
                      .build())
              .build());
    } catch (MlflowClientException e) {
      // Another trial created it in the meantime, with the same tag.
      return client.getExperimentByName(name).orElseThrow(() -> e).getExperimentId();
    }
  }

  /** The experiment's {@code mlflow.experimentKind}, if it has one. */
  static Optional<String> experimentKind(Service.Experiment experiment) {
    return experiment.getTagsList().stream()
        .filter(t -> t.getKey().equals(EXPERIMENT_KIND) && !t.getValue().isBlank())
        .map(Service.ExperimentTag::getValue)
        .findFirst();
  }

  private static List<Service.RunTag> tags(Map<String, String> tags) {
    List<Service.RunTag> list = new ArrayList<>();
    tags.forEach(
        (k, v) ->
            list.add(
                Service.RunTag.newBuilder()
                    .setKey(MlflowRun.checkName(k))
                    .setValue(MlflowRun.truncate(v, MlflowRun.MAX_TAG_LENGTH))
                    .build()));
    return list;
  }

  private static void logParams(MlflowClient client, String runId, Map<String, String> params) {
    List<Service.Param> batch = new ArrayList<>();
    for (var e : params.entrySet()) {
      batch.add(
          Service.Param.newBuilder()
              .setKey(MlflowRun.checkName(e.getKey()))
              .setValue(MlflowRun.truncate(e.getValue(), MAX_PARAM_LENGTH))
              .build());
      if (batch.size() == MAX_PARAMS_PER_BATCH) {
        client.logBatch(runId, List.of(), List.copyOf(batch), List.of());
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      client.logBatch(runId, List.of(), batch, List.of());
    }
  }
}

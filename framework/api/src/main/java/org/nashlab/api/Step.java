package org.nashlab.api;

import java.util.Map;

/** One training step as a {@link Schedule} drives it. */
public interface Step {
  /** This step's number, from 1 to {@link #steps()}. */
  long number();

  /** The trial's number of steps ({@code training.steps}). */
  long steps();

  /** Whether this step's scalars are logged: runs with {@code fetch} are only worth it then. */
  boolean logging();

  /**
   * Draws fresh batches for every input the program's updates read: real batches (and their labels)
   * from the data stream, latents and random labels from the noise stream, in the order the inputs
   * were declared; an input only samples read (a held-out stream) is not drawn. The batches stay
   * until the next draw; draw before the first run of every step, since batches are not part of a
   * checkpoint.
   */
  void draw();

  /** Feeds {@code value} to the scalar input {@code name} from now on, until fed again. */
  void feed(String scalar, float value);

  /**
   * Runs the update named {@code update} on the current batches; when {@code fetch}, its scalars
   * are fetched and, on a {@link #logging()} step, logged for this step (a later run's scalar of
   * the same key wins). Nash logs only on logging steps: a scalar fetched on another step is
   * dropped, so there is no point in fetching then.
   */
  void run(String update, boolean fetch);

  /** The scalars of update {@code update} on the current batches, without training. */
  Map<String, Float> measure(String update);

  /** Logs {@code value} under {@code key} for this step, such as a decision the schedule made. */
  void log(String key, float value);
}

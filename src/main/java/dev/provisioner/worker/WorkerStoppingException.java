package dev.provisioner.worker;

/**
 * The API call a command needed next was not made because the worker is stopping (see
 * {@link Stopping}). Not a failure of the command nor of the API: the batch commits the commands
 * answered before the first one this stopped, and hands the rest back to the next worker.
 */
final class WorkerStoppingException extends SystemicFailureException {

  WorkerStoppingException() {
    super("the worker is stopping: no more API calls; the command goes to the next worker", false);
  }
}

package org.erasure.bench;

/**
 * What every benchmark is told.
 *
 * @param trajectories trajectories per Monte Carlo measurement
 * @param repeats      back-to-back pairs of measurements (1 thread, all threads)
 * @param integrator   euler or heun (B1)
 * @param json         one JSON object instead of text
 */
public record BenchSettings(long trajectories, int repeats, String integrator, boolean json) {
}

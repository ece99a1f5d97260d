package org.erasure;

/**
 * What watches a run as it goes, as OpenMM's reporters watch a simulation: its stages with their progress (a bar on a
 * terminal, lines on a log) and the events a user should hear of before the result (the time-step choice, a second
 * run, the splitting). The events carry numbers; the words are the listener's. Called from the thread that started the
 * run; a stage's progress also from worker threads.
 */
public interface RunListener {

    /** Progress of one stage of a run; closed when the stage ends. */
    interface Stage extends AutoCloseable {
        /** {@code n} more units done (safe from worker threads). */
        void advance(long n);

        @Override
        void close();
    }

    /** A stage begins: {@code label}, {@code total} units of {@code unit} (trajectories, cell-steps). */
    Stage stage(String label, long total, String unit);

    /**
     * {@code dt: auto} starts at this step (τ_D) and halves it while a value's time-step error exceeds the tolerance
     * (ε relative; energies the larger of energyKT, 1e-4 of themselves and half their standard error).
     */
    default void autoTimeStep(double startDt, double errorRateRelative, double energyKT) {
    }

    /** 2dt is beyond the stability limit: the time-step error comes from a second run at dt/2 coupled to dt. */
    default void secondRunAtHalfStep(double twiceDt, double halfDt) {
    }

    /** The steps {@code dt: auto} tried, one line each, with the verdict on each. */
    default void timeStepHistory(java.util.List<String> lines) {
    }

    /** Splitting starts: replicas, repetitions per bit value, the score used. */
    default void splittingStarts(int replicas, int repetitions, String score) {
    }

    /** The steps the splitting tried, one line each. */
    default void splittingHistory(java.util.List<String> lines) {
    }

    /** Hears nothing. */
    RunListener SILENT = new RunListener() {
        @Override
        public Stage stage(String label, long total, String unit) {
            return new Stage() {
                @Override
                public void advance(long n) {
                }

                @Override
                public void close() {
                }
            };
        }
    };
}

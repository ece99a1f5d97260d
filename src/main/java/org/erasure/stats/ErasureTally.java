package org.erasure.stats;

/**
 * Mergeable statistics of a set of erasure trajectories: moments of the work W, the heat Q
 * to the bath and ΔU (all in kT), of the Jarzynski exponential e^(−W/kT), and the error counts per
 * initial bit value (index 0: started left of the barrier, 1: started right). 64-bit counts.
 */
public final class ErasureTally {

    private final RunningMoments work = new RunningMoments();
    private final RunningMoments workPlus = new RunningMoments();
    private final RunningMoments workMinus = new RunningMoments();
    private final RunningMoments heat = new RunningMoments();
    private final RunningMoments deltaU = new RunningMoments();
    private final RunningMoments deltaK = new RunningMoments();
    private final RunningMoments jarzynski = new RunningMoments();
    private final RunningMoments finalPosition = new RunningMoments();
    private final long[] started = new long[2];
    private final long[] errors = new long[2];
    private final long[] errorsAtProtocolEnd = new long[2];
    private final Histogram workHistogram;
    private final TimeStepTally timeStep;

    /** @param workHistogram template of the work histogram to record, or null for none */
    public ErasureTally(Histogram workHistogram) {
        this(workHistogram, false);
    }

    /**
     * @param workHistogram template of the work histogram to record, or null for none
     * @param timeStep      whether the differences to coupled paths at twice the step are tallied too
     */
    public ErasureTally(Histogram workHistogram, boolean timeStep) {
        this.workHistogram = workHistogram == null ? null : Histogram.likeOf(workHistogram);
        this.timeStep = timeStep ? new TimeStepTally() : null;
    }

    /**
     * Records one trajectory (energies in kT).
     *
     * @param wAbs               the sum of the magnitudes of its control increments, so that W⁺ = (W + wAbs)/2
     *                           and W⁻ = (W − wAbs)/2 (SPEC 2.4)
     * @param dk                 its kinetic-energy change (0 when overdamped)
     * @param initialBit         0 if it started left of the barrier, 1 if right
     * @param wrong              whether it ended on the wrong side of the final barrier (after any hold)
     * @param wrongAtProtocolEnd whether it was on the wrong side at the end of the protocol (before a hold;
     *                           the same as {@code wrong} without one)
     */
    public void add(double w, double wAbs, double q, double du, double dk, double xFinal, int initialBit, boolean wrong,
                    boolean wrongAtProtocolEnd) {
        work.add(w);
        workPlus.add(0.5 * (w + wAbs));
        workMinus.add(0.5 * (w - wAbs));
        heat.add(q);
        deltaU.add(du);
        deltaK.add(dk);
        if (wrongAtProtocolEnd) {
            errorsAtProtocolEnd[initialBit]++;
        }
        jarzynski.add(Math.exp(-w));
        finalPosition.add(xFinal);
        started[initialBit]++;
        if (wrong) {
            errors[initialBit]++;
        }
        if (workHistogram != null) {
            workHistogram.add(w);
        }
    }

    public void merge(ErasureTally o) {
        work.merge(o.work);
        workPlus.merge(o.workPlus);
        workMinus.merge(o.workMinus);
        heat.merge(o.heat);
        deltaU.merge(o.deltaU);
        deltaK.merge(o.deltaK);
        jarzynski.merge(o.jarzynski);
        finalPosition.merge(o.finalPosition);
        for (int b = 0; b < 2; b++) {
            started[b] += o.started[b];
            errors[b] += o.errors[b];
            errorsAtProtocolEnd[b] += o.errorsAtProtocolEnd[b];
        }
        if (workHistogram != null && o.workHistogram != null) {
            workHistogram.merge(o.workHistogram);
        }
        if (timeStep != null && o.timeStep != null) {
            timeStep.merge(o.timeStep);
        }
    }

    /**
     * The differences to the coupled paths at twice the step (the time-step error's estimate), or null when the run
     * had none.
     */
    public TimeStepTally timeStep() {
        return timeStep;
    }

    public long trajectories() {
        return started[0] + started[1];
    }

    /** Work W in kT. */
    public RunningMoments work() {
        return work;
    }

    /** W⁺ in kT: per trajectory, the sum of the positive control increments (energy put into the potential). */
    public RunningMoments workPlus() {
        return workPlus;
    }

    /** W⁻ in kT: per trajectory, the sum of the negative control increments (energy the potential gives back). */
    public RunningMoments workMinus() {
        return workMinus;
    }

    /** Heat Q delivered to the bath, in kT. */
    public RunningMoments heat() {
        return heat;
    }

    /** ΔU = U(x_τ; λ_τ) − U(x_0; λ_0) in kT. */
    public RunningMoments deltaU() {
        return deltaU;
    }

    /** ΔK = ½m(v_τ² − v_0²) in kT (zero for overdamped dynamics). */
    public RunningMoments deltaK() {
        return deltaK;
    }

    /** Errors at the end of the protocol, before any hold. */
    public long errorsAtProtocolEnd() {
        return errorsAtProtocolEnd[0] + errorsAtProtocolEnd[1];
    }

    /** e^(−W/kT); its mean is Z(τ)/Z(0) by Jarzynski's equality. */
    public RunningMoments jarzynski() {
        return jarzynski;
    }

    /** Final position in x_m. */
    public RunningMoments finalPosition() {
        return finalPosition;
    }

    public long errors(int bit) {
        return errors[bit];
    }

    public long errors() {
        return errors[0] + errors[1];
    }

    /** Error probability averaged over all trajectories (both bit values equally likely at start). */
    public BinomialInterval errorInterval() {
        return BinomialInterval.clopperPearson(errors(), trajectories());
    }

    /** Error probability of the trajectories that started with the given bit, or null if none did. */
    public BinomialInterval errorInterval(int bit) {
        return started[bit] == 0 ? null : BinomialInterval.clopperPearson(errors[bit], started[bit]);
    }

    /** The work histogram, or null if none was recorded. */
    public Histogram workHistogram() {
        return workHistogram;
    }
}

package org.erasure.stats;

/**
 * Mergeable statistics of the per-trajectory differences between a path at the time step dt and its coupled twin at
 * 2dt, which takes the sums of the fine path's noise increments (multilevel Monte Carlo coupling: Giles, Oper. Res.
 * 56, 607 (2008)). The fine and the coarse path see the same noise, so the difference of their means has a small
 * variance: about that of the time-step error itself, not that of the values.
 *
 * <p>Each moment holds fine − coarse of one quantity: W, W⁺, W⁻, Q (kT) and the error indicators (0 or 1) at
 * the observation time and at the end of the protocol. {@link #coarseDiverged()} says that a coarse path left the
 * sane range (the step 2dt is beyond the integrator's stability), so that no estimate could be made.
 */
public final class TimeStepTally {

    private final RunningMoments work = new RunningMoments();
    private final RunningMoments workPlus = new RunningMoments();
    private final RunningMoments workMinus = new RunningMoments();
    private final RunningMoments heat = new RunningMoments();
    private final RunningMoments wrong = new RunningMoments();
    private final RunningMoments wrongAtProtocolEnd = new RunningMoments();
    private boolean coarseDiverged;

    /**
     * Records one trajectory's differences, fine minus coarse.
     *
     * @param dw      ΔW (kT)
     * @param dwAbs   Δ of the total variation of the control increments (so ΔW⁺ = (dw + dwAbs)/2, ΔW⁻ = (dw − dwAbs)/2)
     * @param dq      ΔQ (kT)
     * @param dWrong  wrong(fine) − wrong(coarse) at the observation time: −1, 0 or 1
     * @param dWrongEnd the same at the end of the protocol
     */
    public void add(double dw, double dwAbs, double dq, int dWrong, int dWrongEnd) {
        work.add(dw);
        workPlus.add(0.5 * (dw + dwAbs));
        workMinus.add(0.5 * (dw - dwAbs));
        heat.add(dq);
        wrong.add(dWrong);
        wrongAtProtocolEnd.add(dWrongEnd);
    }

    /** Marks that a coarse path diverged: the estimate is void. */
    public void markCoarseDiverged() {
        coarseDiverged = true;
    }

    public void merge(TimeStepTally o) {
        work.merge(o.work);
        workPlus.merge(o.workPlus);
        workMinus.merge(o.workMinus);
        heat.merge(o.heat);
        wrong.merge(o.wrong);
        wrongAtProtocolEnd.merge(o.wrongAtProtocolEnd);
        coarseDiverged |= o.coarseDiverged;
    }

    /** W(dt) − W(2dt), kT. */
    public RunningMoments work() {
        return work;
    }

    /** W⁺(dt) − W⁺(2dt), kT. */
    public RunningMoments workPlus() {
        return workPlus;
    }

    /** W⁻(dt) − W⁻(2dt), kT. */
    public RunningMoments workMinus() {
        return workMinus;
    }

    /** Q(dt) − Q(2dt), kT. */
    public RunningMoments heat() {
        return heat;
    }

    /** Error indicator at the observation time, fine minus coarse: its mean is ε(dt) − ε(2dt). */
    public RunningMoments wrong() {
        return wrong;
    }

    /** The same at the end of the protocol (before a hold). */
    public RunningMoments wrongAtProtocolEnd() {
        return wrongAtProtocolEnd;
    }

    /** Whether some coarse path diverged (no estimate). */
    public boolean coarseDiverged() {
        return coarseDiverged;
    }
}

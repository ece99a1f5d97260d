package org.erasure.fokkerplanck;

import static org.erasure.fokkerplanck.DensityFunctionals.boltzmann;
import static org.erasure.fokkerplanck.DensityFunctionals.dot2;
import static org.erasure.fokkerplanck.DensityFunctionals.logSumExpNeg;
import static org.erasure.fokkerplanck.DensityFunctionals.mean;
import static org.erasure.fokkerplanck.DensityFunctionals.negEntropy;
import static org.erasure.fokkerplanck.DensityFunctionals.record;
import static org.erasure.fokkerplanck.DensityFunctionals.wrongMass;

import java.util.function.LongConsumer;
import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * One backward-Euler run of {@link FokkerPlanckSolver#solve}: the two densities and the running sums. The caller supplies each step's
 * energies and rates, so that two runs whose steps share controls (a run and its refinement: every second step
 * of the finer one) can share them ({@link FokkerPlanckSolver#solveSecondOrder}).
 */
final class BackwardEulerRun {
    private final TargetWell target;
    private final CellGrid g;
    private final TimeGrid grid;
    private final int n;
    private final double tau;
    private final double[] u0;
    private final double[] p0;
    private final double[] pl;
    private final double[] pr;
    private final double massLeft;
    private final double[][] scratch;
    private final double[] sums = new double[3];
    private final double[] snapshotFractions;
    private final double[][] snaps;
    private final long[] snapStep;
    private final LongConsumer progress;
    private double work;
    private double workPlus;
    private double workMinus;
    private double heat;
    private double uRelaxed;
    private double uJump = Double.NaN;

    /**
     * The discrete Boltzmann start in the energies u0 of the controls at t = 0, split at the initial barrier, or
     * as one density when {@code mixed} (the error per bit value then unknown: NaN).
     */
    BackwardEulerRun(Potential potential, Protocol protocol, TargetWell target, CellGrid g, double[] u0, TimeGrid grid,
        double[] snapshotFractions, LongConsumer progress, boolean mixed) {
        this.target = target;
        this.g = g;
        this.grid = grid;
        this.n = g.n();
        this.tau = protocol.duration();
        this.u0 = u0.clone();
        this.p0 = boltzmann(u0);
        final double xbStart = potential.barrierPosition(protocol.control0(0), protocol.control1(0));
        final double[] x = g.centres();
        this.pl = new double[n];
        this.pr = mixed ? null : new double[n];
        double left = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] < xbStart) {
                pl[i] = p0[i];
                left += p0[i];
            } else if (mixed) {
                pl[i] = p0[i];
            } else {
                pr[i] = p0[i];
            }
        }
        this.massLeft = left;
        this.scratch = new double[4][n];
        this.snapshotFractions = snapshotFractions;
        this.snaps = new double[snapshotFractions.length][];
        this.snapStep = new long[snapshotFractions.length];
        for (int j = 0; j < snapStep.length; j++) {
            snapStep[j] = Math.round(snapshotFractions[j] * grid.protocolSteps());
        }
        this.progress = progress;
        record(snaps, snapStep, 0, pl, pr, g.h());
        // <U> before each control jump, after each relaxation: the work and heat of step k are
        // <U(λ_k)>_{p_{k−1}} − <U(λ_{k−1})>_{p_{k−1}} and <U(λ_k)>_{p_{k−1}} − <U(λ_k)>_{p_k}, so that
        // W − Q telescopes to <U>_end − <U>_0 (one dot product fewer per step). The first step brings its own
        // <U>_0 (step); this one stands for a run without steps
        this.uRelaxed = dot2(pl, pr, u0, n);
    }

    /**
     * Step k: the controls jump from those of the energies uPrev to those of uNow at fixed density, then the
     * densities relax for the grid's dt at the rates up, down (those of uNow). The jump's sums, ⟨U⟩ before and after
     * it at the densities of step k − 1, come from the elimination loop of step k's solve, which reads those
     * densities anyway; so the relaxed ⟨U⟩ of step k − 1 arrives with them, and its heat is added at step k.
     */
    void step(long k, double[] uNow, double[] uPrev, double[] up, double[] down) {
        // the jump's sums come from the elimination loop, which reads the densities before it relaxes them
        PositiveTridiagonal.solve2Twisted(up, down, grid.dt(), n, pl, pr, scratch, uNow, uPrev, sums);
        if (k > 1) {
            heat += uJump - sums[2];
        }
        uRelaxed = sums[2];             // at k = 1 the starting <U>, summed as sums[0] is (a constant start: no work)
        uJump = sums[0];
        work += uJump - uRelaxed;
        final double gross = sums[1];
        workPlus += gross;
        workMinus += (uJump - uRelaxed) - gross;
        record(snaps, snapStep, k, pl, pr, g.h());
        if (progress != null && k % FokkerPlanckSolver.REPORT_EVERY == 0) {
            progress.accept((long) FokkerPlanckSolver.REPORT_EVERY * n);
        }
    }

    /** The hold at the final controls (energies uEnd, rates up, down), then the result. */
    FokkerPlanckResult finish(double[] uEnd, double[] up, double[] down) {
        final long steps = grid.protocolSteps();
        final double h = g.h();
        if (progress != null) {
            progress.accept(steps % FokkerPlanckSolver.REPORT_EVERY * n);
        }
        if (steps > 0) {
            uRelaxed = dot2(pl, pr, uEnd, n);
            heat += uJump - uRelaxed;
        }
        final double[] pEnd = new double[n];
        for (int i = 0; i < n; i++) {
            pEnd[i] = pr == null ? pl[i] : pl[i] + pr[i];
        }
        final int firstRight = g.firstRight();
        final double errorAtProtocolEnd = wrongMass(pl, firstRight, target) + wrongMass(pr, firstRight, target);
        final double u0Mean = mean(p0, u0);
        final double fStart = u0Mean + negEntropy(p0, h);
        final double fEnd = mean(pEnd, uEnd) + negEntropy(pEnd, h);
        final double dF = fEnd - fStart;
        final double w2 = Wasserstein.distance(p0, pEnd, g.left(), h);
        final double qs = logSumExpNeg(u0) - logSumExpNeg(uEnd);

        // The hold: the controls, hence the energies and rates of the last step, stay as they are; no work.
        // Backward Euler from the protocol's step, each step longer by the factor 1 + FokkerPlanckSolver.HOLD_GROWTH/N
        // (see holdSteps), so a hold of 1e9 tau_D costs about as many steps as the protocol.
        long holdSteps = 0;
        if (grid.holdTime() > 0) {
            final double growth = 1 + FokkerPlanckSolver.HOLD_GROWTH / Math.max(1, steps);
            double done = 0;
            double dtHold = grid.dt();
            while (done < grid.holdTime()) {
                final double dtNow = Math.min(dtHold, grid.holdTime() - done);
                PositiveTridiagonal.solve2Twisted(up, down, dtNow, n, pl, pr, scratch);
                done = dtNow == dtHold ? done + dtHold : grid.holdTime();
                dtHold *= growth;
                holdSteps++;
                if (progress != null) {
                    progress.accept(n);
                }
            }
        }
        if (holdSteps > 0) {
            final double uHeld = dot2(pl, pr, uEnd, n);
            heat += uRelaxed - uHeld;
            uRelaxed = uHeld;
        }
        final double wrongLeft = wrongMass(pl, firstRight, target);
        final double wrongRight = wrongMass(pr, firstRight, target);
        final double massRight = 1 - massLeft;
        final double[] rho0 = new double[n];
        final double[] rhoEnd = new double[n];
        for (int i = 0; i < n; i++) {
            rho0[i] = p0[i] / h;
            rhoEnd[i] = (pr == null ? pl[i] : pl[i] + pr[i]) / h;
        }
        final boolean split = pr != null;
        return new FokkerPlanckResult(work, workPlus, workMinus, heat, uRelaxed - u0Mean, wrongLeft + wrongRight,
                split && massLeft > 0 ? wrongLeft / massLeft : Double.NaN,
                split && massRight > 0 ? wrongRight / massRight : Double.NaN, errorAtProtocolEnd, dF, work - dF, w2,
                dF + w2 * w2 / tau, qs, n, steps, holdSteps, g.left(), h, rho0, rhoEnd, snapshotFractions.clone(),
                snaps);
    }
}

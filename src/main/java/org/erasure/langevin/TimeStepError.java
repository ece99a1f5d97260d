package org.erasure.langevin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.RunningMoments;
import org.erasure.stats.TimeStepTally;

/**
 * The time-step error of a Monte Carlo run's numbers, from its coupled paths at twice the step
 * ({@link TimeStepTally}). Each value's error is |mean(X(dt) − X(2dt))|: Richardson's estimate for a scheme of weak
 * order 1, which overstates the error of a scheme of higher order by 2^p − 1 (3 for Heun) wherever the step is in
 * the asymptotic range, and is never below it there for any order p ≥ 1. Its own sampling error is small, since the
 * two paths share their noise, and is kept beside it: a difference within two of its standard errors is not resolved.
 *
 * @param work                 W(dt) − W(2dt), kT
 * @param workPlus             W⁺(dt) − W⁺(2dt), kT
 * @param workMinus            W⁻(dt) − W⁻(2dt), kT
 * @param heat                 Q(dt) − Q(2dt), kT
 * @param errorRate            ε(dt) − ε(2dt) at the observation time
 * @param errorRateAtProtocolEnd ε(dt) − ε(2dt) at the end of the protocol
 */
public record TimeStepError(Difference work, Difference workPlus, Difference workMinus, Difference heat,
                            Difference errorRate, Difference errorRateAtProtocolEnd) {

    /**
     * The mean of fine − coarse over the trajectories and its standard error.
     *
     * @param mean   the mean difference (NaN: not estimated)
     * @param stderr its standard error
     */
    public record Difference(double mean, double stderr) {

        Difference scaled(double f) {
            return new Difference(f * mean, f * stderr);
        }

        static Difference of(RunningMoments m) {
            return new Difference(m.mean(), m.count() < 2 ? 0 : m.standardError());
        }

        /** The reported time-step error, |mean|; NaN when not estimated. */
        public double error() {
            return Math.abs(mean);
        }

        /** Whether the error is not resolved above {@code tolerance}: |mean| ≤ tolerance + 2 stderr. */
        public boolean within(double tolerance) {
            return error() <= tolerance + 2 * stderr;
        }
    }

    /** The estimate of a run's tally, or null when the run had no coupled paths or a coarse path diverged. */
    public static TimeStepError of(ErasureTally t) {
        final TimeStepTally d = t.timeStep();
        if (d == null || d.coarseDiverged() || d.work().count() == 0) {
            return null;
        }
        return new TimeStepError(Difference.of(d.work()), Difference.of(d.workPlus()), Difference.of(d.workMinus()),
                Difference.of(d.heat()), Difference.of(d.wrong()), Difference.of(d.wrongAtProtocolEnd()));
    }

    /** Every difference times f (2 for the error at dt estimated from dt/2 and dt, Richardson at order 1). */
    public TimeStepError scaled(double f) {
        return new TimeStepError(work.scaled(f), workPlus.scaled(f), workMinus.scaled(f), heat.scaled(f),
                errorRate.scaled(f), errorRateAtProtocolEnd.scaled(f));
    }

    /**
     * The values whose time-step error exceeds the tolerance, in words (empty: all within). ε is judged against
     * the larger of its relative tolerance and half its binomial standard error, like the energies.
     */
    public List<String> violations(ErasureTally t, TimeStepTolerance tol) {
        final List<String> out = new ArrayList<>();
        energy(out, "<W>", work, t.work(), tol);
        energy(out, "<W+>", workPlus, t.workPlus(), tol);
        energy(out, "<W->", workMinus, t.workMinus(), tol);
        energy(out, "<Q>", heat, t.heat(), tol);
        final long n = t.trajectories();
        final double eps = (double) t.errors() / n;
        final double epsTol = Math.max(tol.errorRateRelative() * eps, 0.5 * Math.sqrt(eps * (1 - eps) / n));
        if (!errorRate.within(epsTol)) {
            out.add(String.format(Locale.ROOT, "eps: time-step error %.3g (+- %.2g) against a tolerance of %.3g",
                    errorRate.error(), errorRate.stderr(), epsTol));
        }
        return out;
    }

    private static void energy(List<String> out, String name, Difference d, RunningMoments value,
                               TimeStepTolerance tol) {
        final double limit = tol.energy(value.mean(), value.standardError());
        if (!d.within(limit)) {
            out.add(String.format(Locale.ROOT, "%s: time-step error %.3g (+- %.2g) kT against a tolerance of %.3g kT",
                    name, d.error(), d.stderr(), limit));
        }
    }
}

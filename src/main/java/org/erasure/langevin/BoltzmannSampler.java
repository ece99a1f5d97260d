package org.erasure.langevin;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.erasure.physics.Potential;

/**
 * Exact sampler of the Boltzmann density ρ(x) ∝ exp(−U(x; c0, c1)) (U in kT) by rejection from
 * a piecewise-constant envelope: on each of a few thousand cells the envelope is
 * exp(−L_i), with L_i a rigorous lower bound of U on the cell
 * ({@link Potential#energyLowerBound}), so every accepted point is an exact draw (von Neumann
 * 1951). The density is truncated outside {@link Potential#confiningInterval}, where its mass is
 * below e^−80 relative to the well bottom. Immutable; the caller supplies the random stream.
 */
public final class BoltzmannSampler {

    private static final int CELLS = 4096;

    private final Potential potential;
    private final double c0;
    private final double c1;
    private final double lo;
    private final double width;
    private final double[] lowerBound;
    private final double[] cumulative;

    private BoltzmannSampler(Potential potential, double c0, double c1, double lo, double width,
                             double[] lowerBound, double[] cumulative) {
        this.potential = potential;
        this.c0 = c0;
        this.c1 = c1;
        this.lo = lo;
        this.width = width;
        this.lowerBound = lowerBound;
        this.cumulative = cumulative;
    }

    public static BoltzmannSampler of(Potential potential, double c0, double c1) {
        potential.validateControls(c0, c1);
        final double[] range = potential.confiningInterval(c0, c1);
        final double lo = range[0];
        final double width = (range[1] - range[0]) / CELLS;
        final double[] lb = new double[CELLS];
        double lbMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < CELLS; i++) {
            lb[i] = potential.energyLowerBound(lo + i * width, lo + (i + 1) * width, c0, c1);
            lbMin = Math.min(lbMin, lb[i]);
        }
        final double[] cum = new double[CELLS];
        double acc = 0;
        for (int i = 0; i < CELLS; i++) {
            lb[i] -= lbMin;            // shift so the largest envelope value is 1
            acc += StrictMath.exp(-lb[i]);
            cum[i] = acc;
        }
        for (int i = 0; i < CELLS; i++) {
            lb[i] += lbMin;
        }
        return new BoltzmannSampler(potential, c0, c1, lo, width, lb, cum);
    }

    /** One exact draw of the equilibrium position. */
    public double sample(UniformRandomProvider rng) {
        final double total = cumulative[CELLS - 1];
        while (true) {
            final double r = rng.nextDouble() * total;
            int i = Arrays.binarySearch(cumulative, r);
            i = i >= 0 ? Math.min(i + 1, CELLS - 1) : -i - 1;
            final double x = lo + (i + rng.nextDouble()) * width;
            final double accept = StrictMath.exp(lowerBound[i] - potential.energy(x, c0, c1));
            if (rng.nextDouble() < accept) {
                return x;
            }
        }
    }

    @Override
    public String toString() {
        return "BoltzmannSampler[" + potential + ", c0=" + c0 + ", c1=" + c1 + "]";
    }
}

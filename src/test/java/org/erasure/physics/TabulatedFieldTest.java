package org.erasure.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A tabulated field against the analytic potential it tabulates. */
class TabulatedFieldTest {

    private static final QuarticDoubleWell WELL = QuarticDoubleWell.of(8);

    /** Frames of the quartic well at (g, F) = (1, 0) and (0.3, 6) on [−2.5, 2.5] in {@code points} points. */
    static TabulatedField quartic(int points) {
        final double lo = -2.5;
        final double h = 5.0 / (points - 1);
        final double[][] u = new double[2][points];
        for (int i = 0; i < points; i++) {
            u[0][i] = WELL.energy(lo + i * h, 1, 0);
            u[1][i] = WELL.energy(lo + i * h, 0.3, 6);
        }
        return TabulatedField.of(lo, h, u);
    }

    /** Energy, force and curvature converge to the quartic's; the frame coordinate interpolates linearly. */
    @Test
    void approachesThePotentialItTabulates() {
        final SplittableRandom rng = new SplittableRandom(3);
        double[] previous = null;
        for (int points : new int[] {501, 1001, 2001}) {
            final TabulatedField f = quartic(points);
            double eErr = 0;
            double fErr = 0;
            for (int j = 0; j < 2000; j++) {
                final double x = -2 + 4 * rng.nextDouble();
                final double s = rng.nextDouble();
                // the quartic is linear in g and F, so the frames' mix is the quartic at the mixed controls
                final double g = 1 - 0.7 * s;
                final double tilt = 6 * s;
                eErr = Math.max(eErr, Math.abs(f.energy(x, s, 0.5) - WELL.energy(x, g, tilt + 0.5)));
                fErr = Math.max(fErr, Math.abs(f.force(x, s, 0.5) - WELL.force(x, g, tilt + 0.5)));
            }
            assertTrue(eErr < 5e-4 && fErr < 0.2, points + " points: energy error " + eErr + ", force " + fErr);
            if (previous != null) {
                // monotone cubic Hermite: first order at least (measured: energy 7.8 then 1.9 times smaller, force
                // 3.0 then 1.7 times: the slopes set to 0 at the data's extrema, an error ~h U'' near the wells and
                // the barrier)
                assertTrue(eErr < previous[0] / 1.6, "energy error " + eErr + " after " + previous[0]);
                assertTrue(fErr < previous[1] / 1.6, "force error " + fErr + " after " + previous[1]);
            }
            previous = new double[] {eErr, fErr};
        }
    }

    /** The Boltzmann sampler's bound: never above the energy inside [a, b], and tight as b − a → 0. */
    @Test
    void lowerBoundHoldsAndTightens() {
        final TabulatedField f = quartic(201);
        final SplittableRandom rng = new SplittableRandom(5);
        for (int j = 0; j < 2000; j++) {
            final double a = -3 + 6 * rng.nextDouble();
            final double b = a + 0.5 * rng.nextDouble();
            final double s = rng.nextDouble();
            final double tilt = 4 * rng.nextDouble() - 2;
            final double bound = f.energyLowerBound(a, b, s, tilt);
            for (int q = 0; q <= 50; q++) {
                final double x = a + (b - a) * q / 50;
                assertTrue(bound <= f.energy(x, s, tilt) + 1e-12, "bound " + bound + " above U(" + x + ")");
            }
            final double narrow = f.energyLowerBound(a, a + 1e-9, s, tilt);
            assertEquals(f.energy(a, s, tilt), narrow, 1e-6);
        }
    }

    @Test
    void barrierConfinementAndRefusals() {
        final TabulatedField f = quartic(201);
        assertEquals(0, f.barrierPosition(0, 0), 1e-12, "the storing well's barrier is the grid point 0");
        // the interval ends where U first lies within 80 kT of its least value (−8 kT at x = ±1), to a grid step
        final double[] reach = f.confiningInterval(0, 0);
        final double h = f.gridStep();
        for (double end : reach) {
            final double inward = end - Math.signum(end) * 2 * h;
            assertTrue(f.energy(end, 0, 0) + 8 >= 80 && f.energy(inward, 0, 0) + 8 < 80, "end " + end);
        }
        assertThrows(IllegalArgumentException.class, () -> f.validateControls(1.5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TabulatedField.of(0, 0.1, new double[][] {{0, 1, 2, 3}, {3, 2, 1, 3}}), "falls outward");
        assertThrows(IllegalArgumentException.class,
                () -> TabulatedField.of(0, 0.1, new double[][] {{3, 1, 2, 3}, {3, 1, 2}}), "ragged frames");
        assertThrows(IllegalArgumentException.class,
                () -> TabulatedField.of(0, 0.1, new double[][] {{3, 1, Double.NaN, 3}, {3, 1, 2, 3}}), "NaN");
    }
}

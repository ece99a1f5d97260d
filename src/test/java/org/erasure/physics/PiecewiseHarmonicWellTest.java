package org.erasure.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PiecewiseHarmonicWellTest {

    private final PiecewiseHarmonicWell well = PiecewiseHarmonicWell.of();

    @Test
    void wellsBarrierAndContinuity() {
        assertEquals(0, well.energy(5, 0, 5), 1e-15);
        assertEquals(0, well.energy(-5, 0, 5), 1e-15);
        assertEquals(12.5, well.energy(0, 0, 5), 1e-12, "barrier c1^2/2 at c0 = 0");
        for (double c0 : new double[] {-3, -0.5, 0.7, 4}) {
            final double left = well.energy(Math.nextDown(c0), c0, 5);
            final double right = well.energy(c0, c0, 5);
            assertEquals(left, right, 1e-9, "continuous at the barrier c0 = " + c0);
        }
        // at c1 = 0 the barrier position has no effect
        assertEquals(well.energy(1.3, -2, 0), well.energy(1.3, 3, 0), 0);
    }

    @Test
    void forceIsMinusTheDerivativeAndTheBoundIsRigorous() {
        final double h = 1e-6;
        final SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            final double c0 = r.nextDouble(-4, 4);
            final double c1 = r.nextDouble(-6, 6);            // any real c1 (NESTbench25 uses negative ones)
            final double x = r.nextDouble(-10, 10);
            if (Math.abs(x - c0) > 1e-3) {
                final double fd = -(well.energy(x + h, c0, c1) - well.energy(x - h, c0, c1)) / (2 * h);
                assertEquals(fd, well.force(x, c0, c1), 1e-6);
            }
            final double a = r.nextDouble(-10, 10);
            final double b = a + r.nextDouble(1e-3, 2);
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= 2000; k++) {
                min = Math.min(min, well.energy(a + (b - a) * k / 2000, c0, c1));
            }
            assertTrue(well.energyLowerBound(a, b, c0, c1) <= min + 1e-12);
        }
    }

    @Test
    void selectFreeFormsAreTheDefiningOnes() {
        // The energy is computed as 1/2 x^2 + 1/2 c1^2 + c1|c0| - c1|x - c0| and the force with copySign, so that
        // C2 vectorises them; they must be SPEC's U = 1/2 (x - S c1)^2 + c0 c1 (S + S(c0)), S = sign(x - c0) with
        // S = +1 at x = c0, and F = S c1 - x: for c1 of either sign, c0 = 0 (S(c0) = 0), and on the kink itself.
        final SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            final double c0 = i % 10 == 0 ? 0 : r.nextDouble(-4, 4);
            final double c1 = r.nextDouble(-6, 6);
            final double x = i % 7 == 0 ? c0 : r.nextDouble(-12, 12);
            final double s = x >= c0 ? 1 : -1;
            final double d = x - s * c1;
            final double defining = 0.5 * d * d + c0 * c1 * (s + Math.signum(c0));
            assertEquals(defining, well.energy(x, c0, c1), 1e-13 * (1 + 0.5 * x * x + c1 * c1), "U at " + x);
            assertEquals(s * c1 - x, well.force(x, c0, c1), 0.0, "F at " + x);
        }
        // the sign at the edges of the number line: subnormal differences, signed zeros
        for (double[] xc : new double[][] {{Double.MIN_VALUE, 0}, {0, Double.MIN_VALUE}, {-0.0, 0}, {0, -0.0},
                {-Double.MIN_VALUE, 0}, {Double.MIN_NORMAL, 0}, {0, Double.MIN_NORMAL}, {1e100, -3}, {-1e100, 2}}) {
            final double s = xc[0] >= xc[1] ? 1 : -1;
            assertEquals(s * 2.5 - xc[0], well.force(xc[0], xc[1], 2.5), 0.0, "F at x = " + xc[0] + ", c0 = " + xc[1]);
            assertEquals(s * -2.5 - xc[0], well.force(xc[0], xc[1], -2.5), 0.0, "F at x = " + xc[0] + ", c1 < 0");
        }
    }
}

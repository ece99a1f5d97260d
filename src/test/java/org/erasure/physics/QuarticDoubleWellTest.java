package org.erasure.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuarticDoubleWellTest {

    private final QuarticDoubleWell well = QuarticDoubleWell.of(8);

    @Test
    void energyHasTheSpecShape() {
        // U = E_b [x^4 - 2 g x^2] - F x: minima at ±1 with depth -E_b, barrier 0 at x = 0 (g = 1, F = 0)
        assertEquals(-8, well.energy(1, 1, 0), 1e-15);
        assertEquals(-8, well.energy(-1, 1, 0), 1e-15);
        assertEquals(0, well.energy(0, 1, 0), 1e-15);
        // barrier height E_b g^2 at g = 0.5: minima at ±sqrt(g)
        assertEquals(8 * 0.25, well.energy(0, 0.5, 0) - well.energy(Math.sqrt(0.5), 0.5, 0), 1e-12);
        assertEquals(-3.0 * 0.5, well.energy(0.5, 0, 3) - well.energy(0.5, 0, 0), 1e-15);
    }

    @Test
    void forceAndCurvatureAreDerivatives() {
        final double h = 1e-5;
        for (double x = -1.7; x <= 1.7; x += 0.13) {
            for (double g : new double[] {0, 0.4, 1}) {
                final double fd = -(well.energy(x + h, g, 2.5) - well.energy(x - h, g, 2.5)) / (2 * h);
                assertEquals(fd, well.force(x, g, 2.5), 1e-6 * (1 + Math.abs(fd)));
                final double cd = -(well.force(x + h, g, 2.5) - well.force(x - h, g, 2.5)) / (2 * h);
                assertEquals(cd, well.curvature(x, g, 2.5), 1e-5 * (1 + Math.abs(cd)));
            }
        }
    }

    @Test
    void lowerBoundIsRigorousAndTight() {
        final SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            final double a = r.nextDouble(-2.5, 2.5);
            final double b = a + r.nextDouble(1e-3, 0.3);
            final double g = r.nextDouble();
            final double f = r.nextDouble(-10, 10);
            final double lb = well.energyLowerBound(a, b, g, f);
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 1000; i++) {
                min = Math.min(min, well.energy(a + (b - a) * i / 1000, g, f));
            }
            assertTrue(lb <= min + 1e-12, "bound above the minimum on [" + a + ", " + b + "]");
            assertTrue(min - lb < 200 * (b - a) + 1e-9, "bound not tight");
        }
    }

    @Test
    void barrierIsTheLocalMaximum() {
        for (double f : new double[] {-3, -0.5, 0, 0.7, 4}) {
            final double xb = well.barrierPosition(1, f);
            assertEquals(0, well.force(xb, 1, f), 1e-9);
            assertTrue(well.curvature(xb, 1, f) < 0, "a maximum");
        }
        // no barrier: g = 0, F = 2 has a single minimum; fallback x = 0
        assertEquals(0, well.barrierPosition(0, 2), 0);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> QuarticDoubleWell.of(0));
        assertThrows(IllegalArgumentException.class, () -> QuarticDoubleWell.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> well.validateControls(1.2, 0));
        assertThrows(IllegalArgumentException.class, () -> well.validateControls(-0.1, 0));
    }

    @Test
    void boundsFormulas() {
        assertEquals(Math.log(2), ErasureBounds.generalizedLandauer(0), 1e-15);
        assertEquals(0, ErasureBounds.generalizedLandauer(0.5), 1e-15);
        // H(0.1) = -0.1 ln 0.1 - 0.9 ln 0.9 = 0.325083
        assertEquals(0.3250829733914482, ErasureBounds.binaryEntropy(0.1), 1e-15);
        assertEquals(Math.log(1e15), ErasureBounds.logInverseError(1e-15), 1e-12);
        // kT at 300 K = 4.1419e-21 J = 25.852 meV (SPEC 2.1)
        final PhysicalUnits u = PhysicalUnits.thermal(300);
        assertEquals(4.1419e-21, u.kTJoule(), 1e-25);
        assertEquals(0.025852, u.toElectronVolt(1), 1e-6);
    }
}

package org.erasure.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyframeProtocolTest {

    @Test
    void fourStepPassesThroughItsCorners() {
        final KeyframeProtocol p = KeyframeProtocol.fourStep(8, 0.2, 5);
        final double[][] corners = {{0, 1, 0}, {2, 0.2, 0}, {4, 0.2, 5}, {6, 1, 5}, {8, 1, 0}};
        for (double[] c : corners) {
            assertEquals(c[1], p.control0(c[0]), 1e-15);
            assertEquals(c[2], p.control1(c[0]), 1e-15);
        }
        assertEquals(0.6, p.control0(1), 1e-15);     // halfway down the first ramp
        assertEquals(2.5, p.control1(3), 1e-15);
        assertEquals(1, p.control0(100), 0);          // holds after tau
        assertEquals(0, p.control1(-1), 0);           // and before 0
    }

    @Test
    void fillAgreesWithPointwiseEvaluation() {
        final KeyframeProtocol p = KeyframeProtocol.of(3, new double[] {0.1, 0.3, 0.35, 0.9},
                new double[] {1, 0.5, 0.7, 0.1}, new double[] {0, -2, 3, 1});
        final int n = 5000;
        final double[] a = new double[n];
        final double[] b = new double[n];
        p.fill(-0.2, 3.6 / n, n, a, b);
        for (int i = 0; i < n; i++) {
            final double t = -0.2 + i * 3.6 / n;
            assertEquals(p.control0(t), a[i], 1e-12);
            assertEquals(p.control1(t), b[i], 1e-12);
        }
    }

    @Test
    void rejectsNonIncreasingTimes() {
        assertThrows(IllegalArgumentException.class, () -> KeyframeProtocol.of(1, new double[] {0, 0.5, 0.5},
                new double[] {1, 1, 1}, new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> KeyframeProtocol.of(0, new double[] {0},
                new double[] {1}, new double[] {0}));
    }
}

package org.erasure.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The CMA-ES on test functions whose minima are known (Hansen 2016, the ellipsoid and Rosenbrock of its
 * appendix), on the box, and its independence of how a generation is evaluated. The runs are seeded: no false-failure
 * rate, each margin is orders of magnitude from what the seed gives.
 */
class CovarianceMatrixAdaptationTest {

    private static CovarianceMatrixAdaptation.Population sequential(ToDoubleFunction<double[]> f) {
        return points -> {
            final double[] v = new double[points.length];
            for (int k = 0; k < points.length; k++) {
                v[k] = f.applyAsDouble(points[k]);
            }
            return v;
        };
    }

    /** f = Σ 10^{6 i/(n−1)} (x_i − 0.3)², condition number 1e6: solvable only by learning the covariance. */
    private static double ellipsoid(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            final double d = x[i] - 0.3;
            s += Math.pow(10, 6.0 * i / (x.length - 1)) * d * d;
        }
        return s;
    }

    @Test
    void learnsAnIllConditionedEllipsoid() {
        final CovarianceMatrixAdaptation.Best b = CovarianceMatrixAdaptation.minimize(
                sequential(CovarianceMatrixAdaptationTest::ellipsoid), new double[] {0.8, 0.8, 0.8, 0.8, 0.8, 0.8},
                0.3, CovarianceMatrixAdaptation.defaultPopulation(6), 6000, 1);
        assertTrue(b.value() < 1e-10, "f = " + b.value() + " after " + b.evaluations());
        for (double v : b.point()) {
            assertEquals(0.3, v, 1e-5);
        }
    }

    @Test
    void followsTheRosenbrockValley() {
        // x = 4u − 2 on the unit box: the minimum f = 0 at x = 1, u = 0.75
        final ToDoubleFunction<double[]> rosenbrock = u -> {
            double s = 0;
            for (int i = 0; i + 1 < u.length; i++) {
                final double a = 4 * u[i] - 2;
                final double c = 4 * u[i + 1] - 2;
                s += 100 * (c - a * a) * (c - a * a) + (1 - a) * (1 - a);
            }
            return s;
        };
        final CovarianceMatrixAdaptation.Best b = CovarianceMatrixAdaptation.minimize(sequential(rosenbrock),
                new double[] {0.3, 0.3, 0.3, 0.3}, 0.2, CovarianceMatrixAdaptation.defaultPopulation(4), 8000, 3);
        assertTrue(b.value() < 1e-10, "f = " + b.value() + " after " + b.evaluations());
        assertArrayEquals(new double[] {0.75, 0.75, 0.75, 0.75}, b.point(), 1e-5);
    }

    @Test
    void stopsOnTheBoxWhenTheMinimumLiesBeyondIt() {
        // f = Σ (x_i + 0.5)² over [0, 1]^3: the minimum is the corner 0, where f = 0.75
        final CovarianceMatrixAdaptation.Best b = CovarianceMatrixAdaptation.minimize(sequential(x -> {
            double s = 0;
            for (double v : x) {
                s += (v + 0.5) * (v + 0.5);
            }
            return s;
        }), new double[] {0.5, 0.5, 0.5}, 0.3, 7, 1500, 5);
        assertArrayEquals(new double[3], b.point(), 1e-6);
        assertEquals(0.75, b.value(), 1e-6);
    }

    @Test
    void theSearchIsTheSameHoweverAGenerationIsEvaluated() throws Exception {
        // the same seed evaluated one point at a time, and on three threads in reverse order: the same search
        final CovarianceMatrixAdaptation.Best one = CovarianceMatrixAdaptation.minimize(
                sequential(CovarianceMatrixAdaptationTest::ellipsoid), new double[] {0.8, 0.1, 0.5, 0.9}, 0.3, 8,
                301, 11);
        final ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            final CovarianceMatrixAdaptation.Best many = CovarianceMatrixAdaptation.minimize(points -> {
                final java.util.List<Future<Double>> fs = new java.util.ArrayList<>();
                for (int k = points.length - 1; k >= 0; k--) {
                    final double[] p = points[k];
                    fs.add(0, pool.submit(() -> ellipsoid(p)));
                }
                final double[] v = new double[points.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = org.erasure.util.Futures.get(fs.get(k));
                }
                return v;
            }, new double[] {0.8, 0.1, 0.5, 0.9}, 0.3, 8, 301, 11);
            assertArrayEquals(one.point(), many.point(), 0.0);
            assertEquals(one.value(), many.value(), 0.0);
            assertEquals(301, one.evaluations(), "the last generation is cut to the budget");
            assertEquals(one.evaluations(), many.evaluations());
        } finally {
            pool.shutdownNow();
        }
    }
}

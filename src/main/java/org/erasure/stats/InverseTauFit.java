package org.erasure.stats;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Least-squares fit of ⟨W⟩(τ) = W∞ + B/τ (SPEC 5, experiment 1), the leading finite-time correction
 * of slow driving (Sekimoto &amp; Sasa 1997; Schmiedl &amp; Seifert 2007). Weighted by 1/s.e.² when
 * standard errors are given; otherwise unweighted, with parameter errors scaled by the residual
 * variance. Commons Math Levenberg–Marquardt (the model is linear, so it converges in one step).
 *
 * @param wInf     W∞ (units of the data)
 * @param b        B (data units × τ units)
 * @param wInfError standard error of W∞
 * @param bError    standard error of B
 * @param chiSquare weighted sum of squared residuals
 * @param points    number of data points
 */
public record InverseTauFit(double wInf, double b, double wInfError, double bError, double chiSquare, int points) {

    /**
     * @param tau    protocol durations, positive
     * @param work   mean work at each τ
     * @param stderr standard errors of the means, or null for an unweighted fit
     */
    public static InverseTauFit fit(double[] tau, double[] work, double[] stderr) {
        final int n = tau.length;
        if (n < 3 || work.length != n || (stderr != null && stderr.length != n)) {
            throw new IllegalArgumentException("the W-inf + B/tau fit needs at least 3 points of equal length arrays");
        }
        final double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(tau[i] > 0)) {
                throw new IllegalArgumentException("tau must be positive, got " + tau[i]);
            }
            weights[i] = stderr == null ? 1 : 1 / (stderr[i] * stderr[i]);
        }
        final LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(point -> {
                    final RealVector value = new ArrayRealVector(n);
                    final RealMatrix jac = new Array2DRowRealMatrix(n, 2);
                    for (int i = 0; i < n; i++) {
                        value.setEntry(i, point.getEntry(0) + point.getEntry(1) / tau[i]);
                        jac.setEntry(i, 0, 1);
                        jac.setEntry(i, 1, 1 / tau[i]);
                    }
                    return new Pair<>(value, jac);
                })
                .target(work)
                .weight(new DiagonalMatrix(weights))
                .start(new double[] {work[n - 1], 0})
                .maxEvaluations(1000).maxIterations(1000)
                .build());
        final RealMatrix cov = opt.getCovariances(1e-14);
        final double chi2 = opt.getRMS() * opt.getRMS() * n;
        final double scale = stderr == null ? chi2 / (n - 2) : 1;
        return new InverseTauFit(opt.getPoint().getEntry(0), opt.getPoint().getEntry(1),
                Math.sqrt(cov.getEntry(0, 0) * scale), Math.sqrt(cov.getEntry(1, 1) * scale), chi2, n);
    }

    /** The fitted curve at τ. */
    public double at(double tau) {
        return wInf + b / tau;
    }
}

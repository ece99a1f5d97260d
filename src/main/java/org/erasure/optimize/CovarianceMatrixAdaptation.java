package org.erasure.optimize;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The (μ/μ_w, λ) covariance matrix adaptation evolution strategy on the unit box [0, 1]^n, with the default
 * parameters, cumulative step-size adaptation and rank-one plus rank-μ updates of Hansen, "The CMA Evolution
 * Strategy: A Tutorial" (arXiv:1604.00772, 2016), Table 1 and Fig. 7. The box is handled as Commons Math's
 * CMAESOptimizer handles it in repair mode: a candidate outside is evaluated at its nearest point inside, and ranked
 * by that value plus its L1 distance to the box times the generation's range of values.
 *
 * <p>Written here rather than taken from Commons Math because each generation's λ candidates are drawn before any is
 * evaluated and handed over together ({@link Population}), so that they can be evaluated concurrently: Commons Math
 * evaluates one candidate at a time inside its loop. The search depends on the seed alone, never on how (or in which
 * order) a population is evaluated.
 */
public final class CovarianceMatrixAdaptation {

    /** Evaluates a generation: the objective at each point (all inside the box), in the points' order. */
    @FunctionalInterface
    public interface Population {
        double[] values(double[][] points);
    }

    /**
     * The best candidate evaluated.
     *
     * @param point       its point, inside the box
     * @param value       the objective there
     * @param evaluations objective evaluations used
     * @param generations generations run (the last one possibly cut short by the budget)
     */
    public record Best(double[] point, double value, int evaluations, int generations) {
    }

    /** Stop once σ times the largest standard deviation of the search distribution is below this (unit box). */
    static final double TOL_X = 1e-12;

    private CovarianceMatrixAdaptation() {
    }

    /** The default population size of the tutorial, λ = 4 + ⌊3 ln n⌋. */
    public static int defaultPopulation(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    /**
     * Minimises over the unit box.
     *
     * @param f              the objective, a generation at a time
     * @param start          the initial mean m₀ (clamped into the box)
     * @param sigma0         the initial step size σ₀ (C₀ = I)
     * @param lambda         the population size λ ≥ 2
     * @param maxEvaluations the budget; the last generation is cut to what is left of it (its first candidates)
     * @param seed           seed of the normal deviates
     */
    public static Best minimize(Population f, double[] start, double sigma0, int lambda, int maxEvaluations,
                                long seed) {
        final int n = start.length;
        if (n < 1 || lambda < 2 || !(sigma0 > 0) || maxEvaluations < 1) {
            throw new IllegalArgumentException("need n >= 1, lambda >= 2, sigma0 > 0 and a budget, got n = " + n
                    + ", lambda = " + lambda + ", sigma0 = " + sigma0 + ", budget = " + maxEvaluations);
        }
        // selection and recombination (Table 1): w_i ∝ ln((λ+1)/2) − ln i for the μ best
        final int mu = lambda / 2;
        final double[] w = new double[mu];
        double sw = 0;
        for (int i = 0; i < mu; i++) {
            w[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sw += w[i];
        }
        double sw2 = 0;
        for (int i = 0; i < mu; i++) {
            w[i] /= sw;
            sw2 += w[i] * w[i];
        }
        final double muEff = 1 / sw2;
        // step-size control and covariance adaptation (Table 1)
        final double cSigma = (muEff + 2) / (n + muEff + 5);
        final double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        final double cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        final double c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        final double cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        final double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));   // E‖N(0, I)‖

        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        final double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = clamp(start[j]);
        }
        double sigma = sigma0;
        final double[][] c = identity(n);
        double[][] b = identity(n);                 // eigenvectors of C as columns
        double[] d = new double[n];                 // square roots of its eigenvalues
        Arrays.fill(d, 1);
        final double[] pSigma = new double[n];
        final double[] pc = new double[n];

        final double[][] y = new double[lambda][n];  // B D z: the steps, in units of σ
        final double[][] x = new double[lambda][n];
        final double[][] inside = new double[lambda][n];
        final double[] penalty = new double[lambda];
        final double[] fitness = new double[lambda];
        final double[] z = new double[n];
        double[] bestPoint = mean.clone();
        double bestValue = Double.POSITIVE_INFINITY;
        int evaluations = 0;
        int generation = 0;
        while (evaluations < maxEvaluations) {
            final int size = Math.min(lambda, maxEvaluations - evaluations);
            for (int k = 0; k < lambda; k++) {          // every generation draws λ candidates: the stream of deviates
                for (int j = 0; j < n; j++) {           // does not depend on the budget
                    z[j] = gauss.sample();
                }
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += b[i][j] * d[j] * z[j];
                    }
                    y[k][i] = s;
                    x[k][i] = mean[i] + sigma * s;
                    inside[k][i] = clamp(x[k][i]);
                }
                penalty[k] = 0;
                for (int i = 0; i < n; i++) {
                    penalty[k] += Math.abs(x[k][i] - inside[k][i]);
                }
            }
            final double[] values = f.values(Arrays.copyOf(inside, size));
            if (values.length != size) {
                throw new IllegalStateException("the population evaluator returned " + values.length + " values for "
                        + size + " points");
            }
            evaluations += size;
            generation++;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                if (values[k] < bestValue) {           // the first of equal values wins: deterministic
                    bestValue = values[k];
                    bestPoint = inside[k].clone();
                }
                lo = Math.min(lo, values[k]);
                hi = Math.max(hi, values[k]);
            }
            if (size < lambda) {
                break;                                  // a cut generation is evaluated, not selected from
            }
            final double range = hi - lo;
            for (int k = 0; k < lambda; k++) {
                fitness[k] = values[k] + penalty[k] * range;
            }
            final Integer[] order = new Integer[lambda];
            for (int k = 0; k < lambda; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (p, q) -> Double.compare(fitness[p], fitness[q]));   // stable: ties keep index order
            // recombination: ⟨y⟩_w and the new mean
            final double[] yw = new double[n];
            for (int r = 0; r < mu; r++) {
                final double[] yk = y[order[r]];
                for (int i = 0; i < n; i++) {
                    yw[i] += w[r] * yk[i];
                }
            }
            for (int i = 0; i < n; i++) {
                mean[i] += sigma * yw[i];
            }
            // cumulation for σ: C^{-1/2} ⟨y⟩_w = B D⁻¹ Bᵀ ⟨y⟩_w
            final double[] t = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += b[i][j] * yw[i];
                }
                t[j] = s / d[j];
            }
            final double ps = Math.sqrt(cSigma * (2 - cSigma) * muEff);
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += b[i][j] * t[j];
                }
                pSigma[i] = (1 - cSigma) * pSigma[i] + ps * s;
                norm2 += pSigma[i] * pSigma[i];
            }
            final double pSigmaNorm = Math.sqrt(norm2);
            final boolean hSigma = pSigmaNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * generation))
                    < (1.4 + 2.0 / (n + 1)) * chiN;
            final double pcScale = hSigma ? Math.sqrt(cc * (2 - cc) * muEff) : 0;
            for (int i = 0; i < n; i++) {
                pc[i] = (1 - cc) * pc[i] + pcScale * yw[i];
            }
            // covariance: rank-one and rank-μ updates
            final double deltaH = hSigma ? 0 : cc * (2 - cc);
            final double keep = 1 - c1 - cMu + c1 * deltaH;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double rankMu = 0;
                    for (int r = 0; r < mu; r++) {
                        final double[] yk = y[order[r]];
                        rankMu += w[r] * yk[i] * yk[j];
                    }
                    c[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
                    c[j][i] = c[i][j];
                }
            }
            sigma *= Math.exp(cSigma / dSigma * (pSigmaNorm / chiN - 1));
            // C = B D² Bᵀ
            final EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(c));
            final RealMatrix v = eig.getV();
            final double[] ev = eig.getRealEigenvalues();
            double maxEv = 0;
            for (double e : ev) {
                maxEv = Math.max(maxEv, e);
            }
            b = v.getData();
            d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = Math.sqrt(Math.max(ev[j], 1e-20 * maxEv));
            }
            if (!(sigma * Math.sqrt(maxEv) >= TOL_X)) {
                break;                                  // converged (or degenerate): the rest of the budget is unused
            }
        }
        return new Best(bestPoint, bestValue, evaluations, generation);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double[][] identity(int n) {
        final double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}

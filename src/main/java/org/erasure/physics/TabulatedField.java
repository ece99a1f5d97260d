package org.erasure.physics;

import java.util.Locale;

/**
 * A potential given as numbers: frames U_k(x) (kT) on one uniform grid of positions, k = 0 … K − 1, driven by a
 * frame coordinate (SPEC 2.3, {@code protocol.type: field}). The controls are c0 = s ∈ [0, K − 1], the frame
 * coordinate, and c1 = F, a linear tilt in kT per length unit:
 * <pre>
 *   U(x; s, F) = (1 − f) U_k(x) + f U_{k+1}(x) − F x,   k = ⌊s⌋ (K − 2 at s = K − 1), f = s − k.
 * </pre>
 * Each frame is joined between grid points by the monotone piecewise-cubic Hermite interpolant of Fritsch &amp;
 * Carlson (SIAM J. Numer. Anal. 17, 238 (1980); harmonic-mean slopes of Fritsch &amp; Butland, the slope zero at a
 * local extremum of the data): the force is continuous, a step in the data (a moving cliff of an optimal protocol)
 * does not ring, and each piece is monotone, so the least energy over an interval is at its ends or at a grid point
 * (the rigorous bound the Boltzmann sampler needs). Beyond the grid a frame continues linearly with its end slope,
 * which the factory requires to rise outward; the confining interval extends past the grid as far as that line
 * takes to rise 80 kT above the frame's minimum.
 *
 * <p>The barrier of a frame (the dividing point of the bit) is the highest grid point between the frame's two
 * deepest local minima; a frame with fewer than two minima has none, and the documented fallback is the grid's
 * midpoint. Immutable.
 */
public final class TabulatedField implements Potential {

    /** Energies above a frame's minimum beyond which its Boltzmann weight counts as zero (e^−80). */
    private static final double REACH_KT = 80;

    private final double lo;
    private final double h;
    private final int n;
    private final int frames;
    // per frame, per interval i of [x_i, x_{i+1}]: U = U_i + t(b + t(c + t e)), t = (x − x_i)/h
    private final double[][] b;
    private final double[][] c;
    private final double[][] e;
    private final double[] barrier;
    private final double[][] values;     // U_k at the grid points, as given

    private TabulatedField(double lo, double h, double[][] u) {
        this.values = u;
        this.lo = lo;
        this.h = h;
        this.frames = u.length;
        this.n = u[0].length;
        this.b = new double[frames][];
        this.c = new double[frames][];
        this.e = new double[frames][];
        this.barrier = new double[frames];
        for (int k = 0; k < frames; k++) {
            final double[] d = slopes(u[k], h);
            b[k] = new double[n - 1];
            c[k] = new double[n - 1];
            e[k] = new double[n - 1];
            for (int i = 0; i < n - 1; i++) {
                final double du = u[k][i + 1] - u[k][i];
                b[k][i] = h * d[i];
                c[k][i] = 3 * du - 2 * h * d[i] - h * d[i + 1];
                e[k][i] = -2 * du + h * d[i] + h * d[i + 1];
            }
            barrier[k] = barrierOf(u[k]);
        }
    }

    /**
     * @param lo     the first grid position (length unit of the problem)
     * @param step   the grid spacing, positive
     * @param frames U_k at the grid positions lo + i·step (kT), at least 2 frames of at least 4 finite values each,
     *               all of one length, each rising outward at both ends
     */
    public static TabulatedField of(double lo, double step, double[][] frames) {
        if (!Double.isFinite(lo) || !(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("the field's grid needs a finite start and a positive step, got "
                    + lo + " and " + step);
        }
        if (frames.length < 2) {
            throw new IllegalArgumentException("a field needs at least 2 frames, got " + frames.length);
        }
        final int n = frames[0].length;
        if (n < 4) {
            throw new IllegalArgumentException("a field frame needs at least 4 grid points, got " + n);
        }
        final double[][] copy = new double[frames.length][];
        for (int k = 0; k < frames.length; k++) {
            if (frames[k].length != n) {
                throw new IllegalArgumentException("field frame " + k + " has " + frames[k].length
                        + " grid points, frame 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(frames[k][i])) {
                    throw new IllegalArgumentException("field frame " + k + " has U = " + frames[k][i] + " at x = "
                            + (lo + i * step));
                }
            }
            if (!(frames[k][0] > frames[k][1]) || !(frames[k][n - 1] > frames[k][n - 2])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "field frame %d does not rise outward "
                        + "at both ends of its grid [%.6g, %.6g] (a field must confine the particle)", k, lo,
                        lo + (n - 1) * step));
            }
            copy[k] = frames[k].clone();
        }
        return new TabulatedField(lo, step, copy);
    }

    /** Fritsch–Butland slopes: the harmonic mean of the neighbouring secants, 0 at an extremum, one-sided at the ends. */
    private static double[] slopes(double[] u, double h) {
        final int n = u.length;
        final double[] d = new double[n];
        for (int i = 1; i < n - 1; i++) {
            final double l = (u[i] - u[i - 1]) / h;
            final double r = (u[i + 1] - u[i]) / h;
            d[i] = l * r > 0 ? 2 / (1 / l + 1 / r) : 0;
        }
        d[0] = (u[1] - u[0]) / h;
        d[n - 1] = (u[n - 1] - u[n - 2]) / h;
        return d;
    }

    private double barrierOf(double[] u) {
        int deepest = -1;
        int second = -1;
        for (int i = 1; i < n - 1; i++) {
            if (u[i] < u[i - 1] && u[i] <= u[i + 1]) {
                if (deepest < 0 || u[i] < u[deepest]) {
                    second = deepest;
                    deepest = i;
                } else if (second < 0 || u[i] < u[second]) {
                    second = i;
                }
            }
        }
        if (second < 0) {
            return lo + 0.5 * (n - 1) * h;
        }
        int top = Math.min(deepest, second);
        for (int i = Math.min(deepest, second); i <= Math.max(deepest, second); i++) {
            if (u[i] > u[top]) {
                top = i;
            }
        }
        return lo + top * h;
    }

    /** K, the number of frames. */
    public int frames() {
        return frames;
    }

    /** The grid's first position. */
    public double gridStart() {
        return lo;
    }

    /** The grid spacing. */
    public double gridStep() {
        return h;
    }

    /** The number of grid positions. */
    public int gridPoints() {
        return n;
    }

    /** U_k at grid point i (kT), the frame's value as given. */
    public double value(int frame, int i) {
        return values[frame][i];
    }

    private double frameEnergy(int k, double x) {
        final double r = (x - lo) / h;
        if (r < 0) {
            return values[k][0] + b[k][0] * r;
        }
        if (r >= n - 1) {
            final int i = n - 2;
            return values[k][n - 1] + (b[k][i] + 2 * c[k][i] + 3 * e[k][i]) * (r - (n - 1));
        }
        final int i = (int) r;
        final double t = r - i;
        return values[k][i] + t * (b[k][i] + t * (c[k][i] + t * e[k][i]));
    }

    /** dU_k/dx. */
    private double frameSlope(int k, double x) {
        final double r = (x - lo) / h;
        if (r < 0) {
            return b[k][0] / h;
        }
        if (r >= n - 1) {
            final int i = n - 2;
            return (b[k][i] + 2 * c[k][i] + 3 * e[k][i]) / h;
        }
        final int i = (int) r;
        final double t = r - i;
        return (b[k][i] + t * (2 * c[k][i] + 3 * t * e[k][i])) / h;
    }

    private double frameCurvature(int k, double x) {
        final double r = (x - lo) / h;
        if (r < 0 || r >= n - 1) {
            return 0;
        }
        final int i = (int) r;
        final double t = r - i;
        return (2 * c[k][i] + 6 * t * e[k][i]) / (h * h);
    }

    private int lower(double s) {
        return Math.min((int) s, frames - 2);
    }

    @Override
    public double energy(double x, double s, double f) {
        final int k = lower(s);
        final double w = s - k;
        return (1 - w) * frameEnergy(k, x) + w * frameEnergy(k + 1, x) - f * x;
    }

    @Override
    public double force(double x, double s, double f) {
        final int k = lower(s);
        final double w = s - k;
        return -((1 - w) * frameSlope(k, x) + w * frameSlope(k + 1, x)) + f;
    }

    @Override
    public double curvature(double x, double s, double f) {
        final int k = lower(s);
        final double w = s - k;
        return (1 - w) * frameCurvature(k, x) + w * frameCurvature(k + 1, x);
    }

    /** ∂U/∂s = U_{k+1}(x) − U_k(x) on [k, k + 1) (the last interval at s = K − 1), ∂U/∂F = −x. */
    @Override
    public void controlDerivatives(double x, double s, double f, double[] out) {
        final int k = lower(s);
        out[0] = frameEnergy(k + 1, x) - frameEnergy(k, x);
        out[1] = -x;
    }

    @Override
    public boolean tiltIsLinear() {
        return true;
    }

    /** Each piece of a frame is monotone (and linear beyond the grid): its least value on [a, b] is at an end or a grid point. */
    private double frameMin(int k, double x0, double x1) {
        double m = Math.min(frameEnergy(k, x0), frameEnergy(k, x1));
        final int first = Math.max(0, (int) Math.ceil((x0 - lo) / h));
        final int last = Math.min(n - 1, (int) Math.floor((x1 - lo) / h));
        for (int i = first; i <= last; i++) {
            m = Math.min(m, value(k, i));
        }
        return m;
    }

    @Override
    public double energyLowerBound(double x0, double x1, double s, double f) {
        final int k = lower(s);
        final double w = s - k;
        final double lower = w == 0 ? frameMin(k, x0, x1)
                : w == 1 ? frameMin(k + 1, x0, x1) : (1 - w) * frameMin(k, x0, x1) + w * frameMin(k + 1, x0, x1);
        return lower - Math.max(f * x0, f * x1);
    }

    /** The barrier of the nearest frame (see the class comment); the tilt does not move it. */
    @Override
    public double barrierPosition(double s, double f) {
        return barrier[(int) Math.min(frames - 1, Math.max(0, Math.round(s)))];
    }

    @Override
    public void validateControls(double s, double f) {
        if (!(s >= 0 && s <= frames - 1)) {
            throw new IllegalArgumentException("the frame coordinate s must lie in [0, " + (frames - 1) + "], got " + s);
        }
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException("tilt F must be finite, got " + f);
        }
    }

    @Override
    public String[] controlNames() {
        return new String[] {"s", "F"};
    }

    /**
     * The grid where U(x; s, F) lies within 80 kT of its least grid value, extended past the grid's ends along the
     * linear continuation where an end lies less than 80 kT above it. Computed from the grid values, O(grid) a call.
     */
    @Override
    public double[] confiningInterval(double s, double f) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, energy(lo + i * h, s, f));
        }
        int first = 0;
        while (first < n - 1 && energy(lo + first * h, s, f) - min > REACH_KT) {
            first++;
        }
        int last = n - 1;
        while (last > 0 && energy(lo + last * h, s, f) - min > REACH_KT) {
            last--;
        }
        double left = lo + Math.max(0, first - 1) * h;
        double right = lo + Math.min(n - 1, last + 1) * h;
        if (first == 0) {
            final double rise = REACH_KT - (energy(lo, s, f) - min);
            left = lo - Math.max(0, rise) / outwardRise(force(lo, s, f), s, f) - h;
        }
        if (last == n - 1) {
            final double hi = lo + (n - 1) * h;
            final double rise = REACH_KT - (energy(hi, s, f) - min);
            right = hi + Math.max(0, rise) / outwardRise(-force(hi, s, f), s, f) + h;
        }
        return new double[] {left, right};
    }

    private static double outwardRise(double slope, double s, double f) {
        if (!(slope > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the field at s = %.6g tilted by F = %.6g "
                    + "falls outward beyond its grid: it does not confine the particle", s, f));
        }
        return slope;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TabulatedField(%d frames on %d points of [%.6g, %.6g])", frames, n, lo,
                lo + (n - 1) * h);
    }
}

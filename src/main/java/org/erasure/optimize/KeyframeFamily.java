package org.erasure.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.erasure.physics.Potential;
import org.erasure.protocol.KeyframeProtocol;

/**
 * Keyframe protocols with fixed end controls and K interior keyframes at fixed times s_j = t_j/τ,
 * whose control values are free within bounds; a control whose bounds coincide is held. Rich
 * enough to approximate jumps (put interior keyframes close to 0 and 1).
 */
public final class KeyframeFamily implements ProtocolFamily {

    private final Potential potential;
    private final double tau;
    private final double[] times;
    private final double[] start0;
    private final double[] start1;
    private final double[] end;
    private final double[] lo;
    private final double[] hi;
    private final int free0;
    private final int free1;
    /** The search's start in the unit box, or null: the linear interpolation between the end controls. */
    private final double[] startPoint;

    /**
     * @param interior interior keyframe times, strictly inside (0, 1), increasing
     * @param startControls controls at t = 0 {c0, c1}
     * @param endControls   controls at t = τ {c0, c1}
     * @param lo            lower bounds {c0, c1} of the interior values
     * @param hi            upper bounds {c0, c1}
     */
    public KeyframeFamily(Potential potential, double tau, double[] interior, double[] startControls,
                          double[] endControls, double[] lo, double[] hi) {
        for (int j = 0; j < interior.length; j++) {
            if (!(interior[j] > 0 && interior[j] < 1) || (j > 0 && !(interior[j] > interior[j - 1]))) {
                throw new IllegalArgumentException("interior keyframe times must increase within (0, 1)");
            }
        }
        this.potential = potential;
        this.tau = tau;
        this.times = interior.clone();
        this.start0 = startControls.clone();
        this.start1 = startControls.clone();
        this.end = endControls.clone();
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.free0 = hi[0] > lo[0] ? 1 : 0;
        this.free1 = hi[1] > lo[1] ? 1 : 0;
        this.startPoint = null;
    }

    private KeyframeFamily(KeyframeFamily f, double[] startPoint) {
        this.potential = f.potential;
        this.tau = f.tau;
        this.times = f.times;
        this.start0 = f.start0;
        this.start1 = f.start1;
        this.end = f.end;
        this.lo = f.lo;
        this.hi = f.hi;
        this.free0 = f.free0;
        this.free1 = f.free1;
        this.startPoint = startPoint;
    }

    /**
     * The same family, its search starting from {@code p}'s controls at the interior keyframes' fractions of p's own
     * duration (clamped into the bounds): a protocol found by hand, by another duration or by another engine, refined within the family.
     */
    public KeyframeFamily startingFrom(org.erasure.protocol.Protocol p) {
        final double[] u = new double[dimension()];
        int k = 0;
        for (double s : times) {
            final double t = s * p.duration();
            for (int c = 0; c < 2; c++) {
                if ((c == 0 ? free0 : free1) == 1) {
                    final double v = c == 0 ? p.control0(t) : p.control1(t);
                    u[k++] = Math.max(0, Math.min(1, (v - lo[c]) / (hi[c] - lo[c])));
                }
            }
        }
        return new KeyframeFamily(this, u);
    }

    /**
     * K interior keyframes equally spaced in (0, 1) between a protocol's end controls, searched over the
     * ranges that suit the potential: for the quartic well g ∈ [0, 1] and F ∈ [−F_cap, F_cap]; otherwise
     * control 0 over its end values widened by their distance (at least 1) each way, control 1 held at its
     * start value.
     *
     * @param start controls at t = 0 {c0, c1}
     * @param end   controls at t = τ {c0, c1}
     */
    public static KeyframeFamily forErasure(Potential potential, double tau, int keyframes, double[] start,
                                            double[] end, double fCap) {
        return forErasure(potential, tau, keyframes, start, end, fCap, false);
    }

    /**
     * As {@link #forErasure(Potential, double, int, double[], double[], double)}; with {@code bothControls}, a
     * potential other than the quartic also frees control 1, over its start value lowered by three times its magnitude
     * m (at least 1) and raised by twice it, and control 0's span is at least 3m: for the piecewise-harmonic well the
     * well half-distance c₁ ∈ [−2c₁, 3c₁] around its storing value and the barrier position c₀ over ±3c₁, well past
     * either well (c₁ &lt; 0 is a single cusped well, which the fast cantilever protocols use; no physical bounds, so
     * a value at an edge is reported).
     */
    public static KeyframeFamily forErasure(Potential potential, double tau, int keyframes, double[] start,
                                            double[] end, double fCap, boolean bothControls) {
        if (keyframes < 1 || keyframes > MAX_KEYFRAMES) {
            throw new IllegalArgumentException("the keyframes family needs 1 to " + MAX_KEYFRAMES
                    + " interior keyframes, got " + keyframes);
        }
        final double[] s = new double[keyframes];
        for (int j = 0; j < keyframes; j++) {
            s[j] = (j + 1.0) / (keyframes + 1);
        }
        if (potential instanceof org.erasure.physics.QuarticDoubleWell) {
            return new KeyframeFamily(potential, tau, s, start, end, new double[] {0, -fCap}, new double[] {1, fCap});
        }
        final double span = Math.max(Math.max(1, Math.abs(end[0] - start[0])),
                bothControls ? 3 * Math.abs(start[1]) : 0);
        final double span1 = bothControls ? Math.max(1, Math.abs(start[1])) : 0;
        return new KeyframeFamily(potential, tau, s, start, end,
                new double[] {Math.min(start[0], end[0]) - span, start[1] - 3 * span1},
                new double[] {Math.max(start[0], end[0]) + span, start[1] + 2 * span1});
    }

    /** The most interior keyframes (the gradient optimiser's rich family; the derivative-free search takes 50). */
    public static final int MAX_KEYFRAMES = 1000;

    /** The bounds {lo, hi} of control c's interior values. */
    double[] bounds(int c) {
        return new double[] {lo[c], hi[c]};
    }

    /**
     * The gradient in the unit box of a function of the controls at run nodes t_j (τ_D), given its gradient
     * nodeGradient[c][j] with respect to control c at each node: the controls are linear in the keyframe values
     * (interpolation weights), the values linear in u within the box.
     */
    public double[] unitGradient(double[] nodeTimes, double[][] nodeGradient) {
        final int n = times.length;
        final double[] s = new double[n + 2];
        System.arraycopy(times, 0, s, 1, n);
        s[n + 1] = 1;
        final double[][] perValue = new double[2][n + 2];
        int a = 0;
        for (int j = 0; j < nodeTimes.length; j++) {
            final double r = Math.min(1, Math.max(0, nodeTimes[j] / tau));
            while (a < n && s[a + 1] <= r) {
                a++;
            }
            final double w = (r - s[a]) / (s[a + 1] - s[a]);
            for (int c = 0; c < 2; c++) {
                perValue[c][a] += (1 - w) * nodeGradient[c][j];
                perValue[c][a + 1] += w * nodeGradient[c][j];
            }
        }
        final double[] g = new double[dimension()];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < 2; c++) {
                if ((c == 0 ? free0 : free1) == 1) {
                    g[k++] = perValue[c][j + 1] * (hi[c] - lo[c]);
                }
            }
        }
        return g;
    }

    /**
     * The metric that preconditions a gradient search over this family: the dissipation's second difference over
     * its interior node times, per free control ({@link DissipationMetric}).
     */
    DissipationMetric dissipationMetric() {
        return new DissipationMetric(times, free0 + free1);
    }

    @Override
    public int dimension() {
        return times.length * (free0 + free1);
    }

    /** The linear interpolation between the end controls, or the protocol given to {@link #startingFrom}. */
    @Override
    public double[] start() {
        if (startPoint != null) {
            return startPoint.clone();
        }
        final double[] u = new double[times.length * (free0 + free1)];
        int k = 0;
        for (double s : times) {
            for (int c = 0; c < 2; c++) {
                if ((c == 0 ? free0 : free1) == 1) {
                    final double v = start0[c] + s * (end[c] - start0[c]);
                    u[k++] = Math.max(0, Math.min(1, (v - lo[c]) / (hi[c] - lo[c])));
                }
            }
        }
        return u;
    }

    private double[][] values(double[] u) {
        final int n = times.length;
        final double[][] v = new double[2][n + 2];
        v[0][0] = start0[0];
        v[1][0] = start1[1];
        v[0][n + 1] = end[0];
        v[1][n + 1] = end[1];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < 2; c++) {
                if ((c == 0 ? free0 : free1) == 1) {
                    v[c][j + 1] = lo[c] + Math.max(0, Math.min(1, u[k++])) * (hi[c] - lo[c]);
                } else {
                    v[c][j + 1] = lo[c];
                }
            }
        }
        return v;
    }

    @Override
    public Member member(double[] u) {
        final int n = times.length;
        final double[] s = new double[n + 2];
        System.arraycopy(times, 0, s, 1, n);
        s[n + 1] = 1;
        final double[][] v = values(u);
        return new Member(potential, KeyframeProtocol.of(tau, s, v[0], v[1]));
    }

    @Override
    public String describe(double[] u) {
        final double[][] v = values(u);
        if (times.length > 12) {
            final String[] names = potential.controlNames();
            return String.format(Locale.ROOT, "%d keyframes equally spaced in t/tau (the file holds them as rows "
                    + "[t/tau, %s, %s]): %s from %.4g to %.4g, %s from %.4g to %.4g", times.length, names[0], names[1],
                    names[0], min(v[0]), max(v[0]), names[1], min(v[1]), max(v[1]));
        }
        return String.format(Locale.ROOT, "keyframes at t/tau = %s: %s = %s, %s = %s", Arrays.toString(times),
                potential.controlNames()[0], Arrays.toString(v[0]), potential.controlNames()[1], Arrays.toString(v[1]));
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(Double.NaN);
    }

    /** Every free interior value at the lower or upper bound of its range. */
    @Override
    public List<String> parametersOnBounds(double[] u) {
        final List<String> on = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < times.length; j++) {
            for (int c = 0; c < 2; c++) {
                if ((c == 0 ? free0 : free1) == 1) {
                    final double v = u[k++];
                    if (v <= ON_BOUND || v >= 1 - ON_BOUND) {
                        on.add(String.format(Locale.ROOT, "%s = %.4g at t/tau = %.3g (%s bound)",
                                potential.controlNames()[c], v <= ON_BOUND ? lo[c] : hi[c], times[j],
                                v <= ON_BOUND ? "lower" : "upper"));
                    }
                }
            }
        }
        return on;
    }
}

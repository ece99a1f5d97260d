package org.erasure.fokkerplanck;

import static org.erasure.fokkerplanck.DensityFunctionals.widened;

import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * The cells of a problem: the union over the protocol of the intervals beyond which exp(−U) &lt; e^−80,
 * widened by 25 %, cut into cells of width h, shifted so that a face lies exactly on the final barrier.
 *
 * @param left       the left edge
 * @param h          the cell width
 * @param n          the number of cells
 * @param firstRight the first cell right of the final barrier
 */
record CellGrid(double left, double h, int n, int firstRight) {
    static CellGrid of(Potential potential, Protocol protocol, int cells) {
        return of(potential, protocol, cells, true);
    }

    /** As {@link #of(Potential, Protocol, int)}, on the confining interval itself unless {@code widen}. */
    static CellGrid of(Potential potential, Protocol protocol, int cells, boolean widen) {
        final double tau = protocol.duration();
        final double[] reach = protocol.confiningInterval(potential);
        final double[] domain = widen ? widened(reach[0], reach[1]) : reach;
        final double h = (domain[1] - domain[0]) / cells;
        final double xbEnd = potential.barrierPosition(protocol.control0(tau), protocol.control1(tau));
        final double left = xbEnd - Math.ceil((xbEnd - domain[0]) / h) * h;
        return new CellGrid(left, h, (int) Math.ceil((domain[1] - left) / h), (int) Math.round((xbEnd - left) / h));
    }

    /** Cells of width (hi − lo)/cells over [lo, hi], shifted so that a face lies on the final barrier xbEnd. */
    static CellGrid on(double lo, double hi, int cells, double xbEnd) {
        final double h = (hi - lo) / cells;
        final double left = xbEnd - Math.ceil((xbEnd - lo) / h) * h;
        return new CellGrid(left, h, (int) Math.ceil((hi - left) / h), (int) Math.round((xbEnd - left) / h));
    }

    double[] centres() {
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = left + (i + 0.5) * h;
        }
        return x;
    }
}

package org.erasure.langevin;

import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * Rejects time steps for which the explicit overdamped integrators are unstable: linearised about
 * a well of curvature κ (kT/x_m²), Euler–Maruyama and Heun amplify deviations once κ·dt ≥ 2.
 * The curvature is maximised over the protocol (200 time points) and over the positions that
 * the Boltzmann density visits (within 40 kT of the well bottom). The step tested is the step run,
 * {@link TimeGrid#dt()}, not the one requested.
 */
public final class StabilityCheck {

    private static final int TIMES = 200;
    private static final int POINTS = 400;

    private StabilityCheck() {
    }

    /**
     * Refuses a grid whose step the explicit integrators cannot run stably on this problem.
     *
     * @param what names the step in the message (a configuration key, say)
     * @return the largest stable step (τ_D), as {@link #largestStableStep}, from the same scan of the protocol
     * @throws IllegalArgumentException naming the step, its largest stable value and why
     */
    public static double requireStable(ErasureProblem problem, TimeGrid grid, String what) {
        return requireStable(problem.potential(), problem.protocol(), grid.dt(),
                problem.dynamics() instanceof Dynamics.Underdamped u ? u.mass() : Double.NaN, what);
    }

    /**
     * The largest stable step of the explicit integrators on this problem (τ_D): 2/κ_max overdamped,
     * 2/ω_max underdamped. About a tenth of it is accurate.
     */
    public static double largestStableStep(ErasureProblem problem) {
        final double kappaMax = maxCurvature(problem.potential(), problem.protocol());
        return problem.dynamics() instanceof Dynamics.Underdamped u ? 2 / Math.sqrt(kappaMax / u.mass()) : 2 / kappaMax;
    }

    /** Whether the explicit integrators run stably on this problem at the step dt (τ_D). */
    public static boolean isStable(ErasureProblem problem, double dt) {
        return dt < largestStableStep(problem);
    }

    /**
     * The first step that {@code dt: auto} tries (τ_D): a tenth of the largest stable step, 0.2/κ_max overdamped
     * (a fifth of the stiffest well's relaxation time, the stiffest well along the protocol where the density lives),
     * 0.2/ω_max underdamped (about 30 steps per period of the fastest oscillation), and at most τ/200 so that the
     * protocol's own changes are resolved. The run at this step and its coupled twin at twice it are both stable.
     */
    public static double autoStartStep(ErasureProblem problem) {
        return Math.min(largestStableStep(problem) / 10, problem.duration() / 200);
    }

    /** Largest curvature (kT/x_m²) over the protocol where the density lives (within 40 kT of the bottom). */
    private static double maxCurvature(Potential p, Protocol protocol) {
        double kappaMax = 0;
        for (int k = 0; k <= TIMES; k++) {
            final double t = protocol.duration() * k / TIMES;
            final double c0 = protocol.control0(t);
            final double c1 = protocol.control1(t);
            final double[] range = p.confiningInterval(c0, c1);
            double uMin = Double.POSITIVE_INFINITY;
            final double h = (range[1] - range[0]) / POINTS;
            for (int i = 0; i <= POINTS; i++) {
                uMin = Math.min(uMin, p.energy(range[0] + i * h, c0, c1));
            }
            for (int i = 0; i <= POINTS; i++) {
                final double x = range[0] + i * h;
                if (p.energy(x, c0, c1) - uMin < 40) {
                    kappaMax = Math.max(kappaMax, p.curvature(x, c0, c1));
                }
            }
        }
        return kappaMax;
    }

    /**
     * @param mass reduced mass for underdamped dynamics (NaN when overdamped): BAOAB's kicks and drifts
     *             are the velocity Verlet scheme, unstable once ω·dt ≥ 2 with ω² = κ/μ
     */
    private static double requireStable(Potential p, Protocol protocol, double dt, double mass, String what) {
        final double kappaMax = maxCurvature(p, protocol);
        if (!Double.isNaN(mass)) {
            final double omega = Math.sqrt(kappaMax / mass);
            if (omega * dt >= 2) {
                throw new IllegalArgumentException(String.format(
                        "%s = %.3g tau_D is too large for stability: the well frequency reaches %.3g per tau_D "
                                + "(curvature %.3g over mass %.3g), so dt must be below %.3g (about 10x smaller for accuracy)",
                        what, dt, omega, kappaMax, mass, 2 / omega));
            }
            return 2 / omega;
        }
        if (kappaMax * dt >= 2) {
            throw new IllegalArgumentException(String.format(
                    "%s = %.3g tau_D is too large for stability: the potential's curvature reaches %.3g kT/x_m^2, "
                            + "so dt must be below %.3g (and about 10x smaller for accuracy)",
                    what, dt, kappaMax, 2 / kappaMax));
        }
        return 2 / kappaMax;
    }
}

import org.erasure.Erasure;
import org.erasure.fokkerplanck.*;
import org.erasure.langevin.*;
import org.erasure.model.*;
import org.erasure.physics.*;
import org.erasure.protocol.*;
import org.erasure.stats.*;

/**
 * Weak order of the integrators, measured with the coupled time-step differences Delta(dt) = X(dt) - X(2dt), whose
 * ratio over a halving of dt is 2^p (README, "Time-step error"). Overdamped: Euler and Heun on the quartic 8 kT
 * four-step erasure against the Fokker-Planck values; underdamped: BAOAB on a piecewise-harmonic well (mass 9).
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/erasure-all.jar scripts/WeakOrder.java 1 30     # tau (overdamped) and tau (underdamped): the work
 * java -cp target/erasure-all.jar scripts/WeakOrder.java 0.25 8   # faster erasures: eps is resolved
 * </pre>
 */
public class WeakOrder {
    public static void main(String[] a) {
        final double tauO = a.length > 0 ? Double.parseDouble(a[0]) : 1;
        final double tauU = a.length > 1 ? Double.parseDouble(a[1]) : 30;
        // overdamped: quick-like, fast (tau = 1) so that eps ~ 1e-2 is resolved by direct sampling
        ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(8), KeyframeProtocol.fourStep(tauO, 0, 8));
        FokkerPlanckSolution fp = Erasure.solve(p, new FokkerPlanckSettings(4000, 20000, 2, new double[0]));
        System.out.printf("FP: W = %.6f +- %.1g, eps = %.6g +- %.1g%n", fp.result().meanWork(), fp.workError(), fp.result().error(), fp.errorRateError());
        double limit = StabilityCheck.largestStableStep(p);
        for (Integrator in : new Integrator[] {Integrator.EULER_MARUYAMA, Integrator.HEUN}) {
            for (int k = 2; k <= 5; k++) {
                long steps = 2 * Math.round(tauO / (2 * limit / Math.pow(2, k)));
                LangevinRun r = new LangevinRun(p, in, new TimeGrid(tauO / steps, steps, 0), 400_000, 3, null);
                ErasureTally t = LangevinMonteCarlo.run(r, 2, null);
                TimeStepError e = TimeStepError.of(t);
                System.out.printf("%s dt=%.3g: W-FP = %+.5f +- %.5f  dW(dt,2dt) = %+.5f +- %.5f | eps-FP = %+.3g +- %.2g  deps = %+.3g +- %.2g%n",
                        in.key(), r.effectiveDt(), t.work().mean() - fp.result().meanWork(), t.work().standardError(),
                        e.work().mean(), e.work().stderr(), (double) t.errors() / t.trajectories() - fp.result().error(),
                        Math.sqrt(fp.result().error() / t.trajectories()), e.errorRate().mean(), e.errorRate().stderr());
            }
        }
        // underdamped: the cantilever-like well at Q = 3, coupled differences only (no deterministic engine yet)
        ErasureProblem u = new ErasureProblem(PiecewiseHarmonicWell.of(),
                KeyframeProtocol.of(tauU, new double[] {0, 0.4, 0.45, 0.9, 1}, new double[] {0, 0, 10, 10, 0},
                        new double[] {4, 0, 0, 4, 4}), 0, TargetWell.LEFT, InitialState.equilibrium(), Dynamics.underdamped(9));
        double ul = StabilityCheck.largestStableStep(u);
        for (int k = 2; k <= 5; k++) {
            long steps = 2 * Math.round(tauU / (2 * ul / Math.pow(2, k)));
            LangevinRun r = new LangevinRun(u, Integrator.BAOAB, new TimeGrid(tauU / steps, steps, 0), 200_000, 3, null);
            ErasureTally t = LangevinMonteCarlo.run(r, 2, null);
            TimeStepError e = TimeStepError.of(t);
            System.out.printf("baoab dt=%.3g: W = %.5f +- %.5f  dW = %+.5f +- %.5f  dQ = %+.5f +- %.5f | eps = %.4g deps = %+.3g +- %.2g%n",
                    r.effectiveDt(), t.work().mean(), t.work().standardError(), e.work().mean(), e.work().stderr(),
                    e.heat().mean(), e.heat().stderr(), (double) t.errors() / t.trajectories(), e.errorRate().mean(), e.errorRate().stderr());
        }
    }
}

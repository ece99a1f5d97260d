import java.util.Locale;
import java.util.Random;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;

/**
 * Where the full-control optimum converges (README, "Full-control optimum"):
 *   mvn -q package -DskipTests && java -cp target/erasure-all.jar scripts/FullControlReach.java grid
 *     E_b {8, 12, 20, 40, 100} kT x tau {1e-3 ... 1e3} tau_D x eps {1e-6 ... 1e-25} at 4000 cells (about a minute)
 *   java -cp target/erasure-all.jar scripts/FullControlReach.java random 150
 *     E_b in [4, 100] kT, tau in [1e-3, 1e4] tau_D, eps in [1e-30, 0.03], 1000-4000 cells, both targets, seed 1
 * Prints each problem that does not converge, then the count and the largest relative error estimate.
 */
public class FullControlReach {
    public static void main(String[] args) {
        int failed = 0;
        int n = 0;
        double worst = 0;
        if (args.length > 0 && args[0].equals("random")) {
            final Random r = new Random(1);
            final int count = args.length > 1 ? Integer.parseInt(args[1]) : 150;
            for (int i = 0; i < count; i++) {
                final double eb = Math.exp(Math.log(4) + r.nextDouble() * Math.log(100 / 4.0));
                final double tau = Math.pow(10, -3 + 7 * r.nextDouble());
                final double eps = Math.pow(10, -1.5 - 28 * r.nextDouble());
                final int cells = new int[] {1000, 2000, 4000, 4000}[r.nextInt(4)];
                final boolean left = r.nextBoolean();
                r.nextDouble();
                final double[] res = solve(eb, tau, eps, cells, left);
                n++;
                if (res == null) {
                    failed++;
                } else {
                    worst = Math.max(worst, res[1] / res[0]);
                }
            }
        } else {
            for (double eb : new double[] {8, 12, 20, 40, 100}) {
                for (double tau : new double[] {1e-3, 1e-2, 0.1, 1, 10, 100, 1000}) {
                    for (double eps : new double[] {1e-6, 1e-9, 1e-15, 2e-22, 1e-25}) {
                        final double[] res = solve(eb, tau, eps, 4000, false);
                        n++;
                        if (res == null) {
                            failed++;
                        } else {
                            worst = Math.max(worst, res[1] / res[0]);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d of %d did not converge; largest relative error estimate %.2g%n", failed, n,
                worst);
    }

    /** {W_min, its error}, or null (printed) where the solve does not converge or refuses. */
    static double[] solve(double eb, double tau, double eps, int cells, boolean left) {
        ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(eb), KeyframeProtocol.fourStep(tau, 0.2, 20));
        if (left) {
            p = p.withTarget(TargetWell.LEFT);
        }
        try {
            final FullControlOptimum.Result r = FullControlOptimum.of(p, eps, cells);
            return new double[] {r.work(), r.workError()};
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.out.printf(Locale.ROOT, "E_b %.4g kT, tau %.3g, eps %.2g, %d cells%s: %s%n", eb, tau, eps, cells,
                    left ? ", left target" : "", e.getMessage());
            return null;
        }
    }
}

import java.util.Arrays;
import java.util.Locale;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.GradientOptimizer;
import org.erasure.optimize.KeyframeFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;

/**
 * The seed spread of the spline family's gradient search at frontier points (README, "Exact gradients and the rich
 * family"; issue 26):
 *   mvn -q package -DskipTests && java -cp target/erasure-all.jar scripts/SplineSpread.java [nodes starts evaluations
 *   polish-rounds]
 * E_b = 8 kT, tau in {0.1, 1, 10} tau_D x eps in {1e-6, 1e-15}, the optimize command's default grids (600 cells,
 * 1600 steps, verified at twice both), F up to 40 kT; defaults 200 nodes, 5 starts, 300 evaluations each (about
 * five minutes a point on two cores). Prints one markdown row per point: the starts' <W> on the search grid, their
 * spread, the verified optimum, the four-step family's optimum (300 evaluations) and W_min, each verified value with
 * its numerical error.
 */
public class SplineSpread {
    public static void main(String[] args) {
        final int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        final int starts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final int evaluations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        // rounds in which every start goes on from its best point while the spread exceeds 1 % (optimize's default 3;
        // 0: the starts as they stop, as the README's table was measured)
        final int polish = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.println("| tau (tau_D) | eps <= | starts' <W> (kT, search grid) | spread | spline <W> verified (kT) "
                + "| eps | values on the box | four-step <W> (kT) | W_min (kT) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (double tau : new double[] {0.1, 1, 10}) {
            for (double eps : new double[] {1e-6, 1e-15}) {
                final ProtocolOptimizer.Settings s = new ProtocolOptimizer.Settings(600, 1600, 300, 1);
                final KeyframeFamily fam = KeyframeFamily.forErasure(QuarticDoubleWell.of(8), tau, nodes,
                        new double[] {1, 0}, new double[] {1, 0}, 40);
                final long t0 = System.nanoTime();
                final GradientOptimizer.Result r = GradientOptimizer.minimize(fam, eps, TargetWell.RIGHT, s, starts,
                        evaluations, 0.01, polish, null);
                final double seconds = (System.nanoTime() - t0) * 1e-9;
                final ProtocolOptimizer.Optimum four = ProtocolOptimizer.minimize(
                        FourStepFamily.forOptimize(tau, 40, 8, 8), eps, TargetWell.RIGHT, s);
                final FullControlOptimum.Result full = FullControlOptimum.of(ErasureProblem.of(
                        r.optimum().member().potential(), r.optimum().member().protocol()), eps);
                final StringBuilder w = new StringBuilder();
                for (double x : r.startWork()) {
                    w.append(w.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", x));
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f %% | %.5f +- %.1g%s | %.3g | %d | %.4f +- %.1g%s "
                                + "| %.5f +- %.1g |  (%.0f s)%n",
                        tau, eps, w, 100 * r.spread(), r.optimum().result().meanWork(),
                        r.optimum().verified().workError(),
                        r.optimum().feasible() ? "" : " (misses)", r.optimum().result().error(),
                        fam.parametersOnBounds(r.optimum().unit()).size(),
                        four.result().meanWork(), four.verified().workError(), four.feasible() ? "" : " (misses)",
                        full.work(), full.workError(), seconds);
            }
        }
    }
}

package org.erasure.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.erasure.config.ClaimsConfig;
import org.erasure.config.ClaimsSettings;
import org.erasure.config.ConfigException;
import org.erasure.io.Table;
import org.erasure.optimize.GradientOptimizer;
import org.erasure.util.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment 2's rich family (issue 26) on one frontier point, small: 20 nodes, two starts, a coarse grid. Deterministic
 * (the solver and the seeded starts), so no false failures.
 */
class RichFrontierTest {

    private static ClaimsSettings settings(Path dir, String rich) throws Exception {
        final Path f = dir.resolve("rich.yaml");
        Files.writeString(f, "frontier:\n  tau: [10]\n  errors: [1.0e-6]\n  evaluations: 30\n" + rich
                + "fokker_planck:\n  cells: 200\n  time_steps: 400\n  verify_cells: 400\n  verify_time_steps: 800\n");
        return ClaimsConfig.load(true, f);
    }

    /**
     * Beside the four-step point, the spline family's optimum: it meets the target, costs no less than the full-control
     * optimum at the same storing well (the least work any potential needs: a theorem of the model, here checked between
     * two independent computations, the adjoint-driven search and the transport-map optimum) and, started from the
     * four-step protocol, no more than it; the row lays out what the report says.
     */
    @Test
    void theSplineOptimumLiesBetweenTheFullControlOptimumAndTheFourStepOne(@TempDir Path dir) throws Exception {
        final ClaimsSettings s = settings(dir, "  rich_nodes: 20\n  rich_starts: 2\n  rich_evaluations: 30\n");
        final ExecutorService pool = Futures.daemonPool("test", 2);
        try {
            final List<String> faults = new ArrayList<>();
            final List<Rows.Frontier> frontier = FrontierExperiment.frontier(s, pool, i -> { }, faults);
            final List<java.util.concurrent.Future<GradientOptimizer.Result>> searches =
                    RichFrontierExperiment.submit(s, frontier, pool, i -> { });
            final List<Rows.RichPoint> rich = RichFrontierExperiment.collect(s, frontier, searches, faults);
            assertEquals(1, rich.size());
            final Rows.RichPoint p = rich.get(0);
            assertTrue(p.feasible() && p.fp().errorRate() <= 1e-6, "the spline optimum meets the target: " + p);
            assertTrue(p.four().fullControl() != null, "the full-control optimum converged");
            final double floor = p.four().fullControl().work() - p.four().fullControl().workError()
                    - p.fp().meanWorkError();
            assertTrue(p.fp().meanWork() >= floor, "no protocol does less than W_min: " + p.fp().meanWork() + " < "
                    + floor);
            assertTrue(p.fp().meanWork() <= p.four().fp().meanWork() + p.four().fp().meanWorkError()
                    + p.fp().meanWorkError(), "the search starts at the four-step protocol and only descends: "
                    + p.fp().meanWork() + " > " + p.four().fp().meanWork());
            assertEquals(2, p.startWork().length);
            assertEquals(GradientOptimizer.spread(p.startVerified()), p.spread(), 0.0);
            for (double w : p.startVerified()) {
                assertTrue(Double.isNaN(w) || w >= p.fp().meanWork(), "the least verified start is the one tabulated");
            }
            final Table t = Table.of(List.of(p.row()));
            final String csv = t.csv();
            for (String col : List.of("mean_work_kT", "four_step_mean_work_kT", "full_control_min_work_kT",
                    "work_ratio_four_step_to_rich", "start_spread", "starts_mean_work_kT", "starts_mean_work_search_grid_kT")) {
                assertTrue(csv.lines().findFirst().orElseThrow().contains(col), col);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRichSettingsAreChecked(@TempDir Path dir) {
        final ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> settings(dir, "  rich_nodes: -1\n"));
        assertTrue(e.getMessage().contains("rich_nodes"), e.getMessage());
        final ConfigException unknown = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> settings(dir, "  rich_node: 20\n"));
        assertTrue(unknown.getMessage().contains("unknown key 'frontier.rich_node'"), unknown.getMessage());
    }
}

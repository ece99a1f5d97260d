package org.erasure.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.erasure.config.ClaimsSettings;
import org.erasure.fixtures.Cli;
import org.erasure.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment 6 (the cantilever): what its tables claim is what the commands they name give. */
class CantileverExperimentTest {

    @TempDir
    Path tmp;

    /**
     * A row of cantilever.csv, rerun as the report says (fokker-planck on configs/cantilever.yaml with protocol.tau_s
     * set to the row's duration_s, on the row's grid), gives the row's numbers: the duration in seconds round-trips.
     */
    @Test
    void aSweepRowIsWhatFokkerPlanckGivesAtItsDurationInSeconds() throws Exception {
        final ClaimsSettings.Cantilever grid = new ClaimsSettings.Cantilever(List.of(4.0), 100, 48, 10, 100, 1000);
        final Rows.CantileverPoint row = CantileverExperiment.point(CantileverExperiment.PRESET,
                CantileverExperiment.presetRun(4), grid, null);
        final String durationInCsv = Table.of(List.of(row.row())).csv().lines().skip(1).findFirst().orElseThrow()
                .split(",")[2];
        final Path out = tmp.resolve("fp");
        final Cli.Result r = Cli.run("fokker-planck", "--config", "configs/cantilever.yaml", "--set",
                "protocol.tau_s=" + durationInCsv, "--set", "fokker_planck.cells=100", "--set",
                "fokker_planck.velocity_cells=48", "--set", "fokker_planck.velocity_reach=10", "--set",
                "fokker_planck.time_steps=100", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        final Table summary = Table.readCsv(out.resolve("summary.csv"));
        assertEquals(row.fp().meanWork(), summary.number("mean_work_kT", 0), 1e-9 * row.fp().meanWork());
        assertEquals(row.fp().errorRate(), summary.number("error_rate", 0), 1e-6 * row.fp().errorRate());
        assertEquals(4, row.periods(), 1e-12);
    }

    /** Φ(−c₁) and its inverse against scipy.stats.norm (sf(5), isf(1e-9)). */
    @Test
    void storingWellTailIsTheNormalTail() {
        assertEquals(2.866515718791933e-07, CantileverExperiment.gaussianTail(5), 1e-20);
        assertEquals(5.9978070150076865, CantileverExperiment.wellNeeded(1e-9), 1e-9);
    }
}

package org.erasure.langevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/**
 * A seed gives the same trajectories on every JVM and CPU: the Monte Carlo path uses only IEEE arithmetic and
 * StrictMath. Checked by running the same runs in a second JVM with HotSpot's libm intrinsics switched off (what a
 * platform without them computes for Math.log and Math.exp), overdamped and underdamped, and comparing every
 * reported bit; with Math.log in the ziggurat's tables the two differed.
 */
class SameBitsEverywhereTest {

    /** The runs: quick.yaml at τ = 1 (Heun) and the cantilever (BAOAB), 3000 trajectories each, fixed seeds. */
    static String fingerprint() {
        final StringBuilder b = new StringBuilder();
        for (String preset : new String[] {"quick.yaml", "cantilever.yaml"}) {
            final List<String> set = preset.equals("quick.yaml")
                    ? List.of("protocol.tau=1", "dynamics.dt=0.001", "simulation.work_histogram=null")
                    : List.of("simulation.work_histogram=null");
            final ErasureConfig c = ConfigLoader.preset(preset, set);
            final LangevinRun run = c.monteCarlo().run(c.problem()).withTrajectories(3000);
            final ErasureTally t = LangevinMonteCarlo.run(run, 2, null);
            b.append(preset).append(' ').append(Long.toHexString(Double.doubleToRawLongBits(t.work().mean())))
                    .append(' ').append(Long.toHexString(Double.doubleToRawLongBits(t.heat().mean())))
                    .append(' ').append(Long.toHexString(Double.doubleToRawLongBits(t.finalPosition().mean())))
                    .append(' ').append(t.errors()).append('\n');
        }
        return b.toString();
    }

    /** Prints the fingerprint (run in the second JVM). */
    public static void main(String[] args) {
        System.out.print(fingerprint());
    }

    @Test
    void aSecondJvmWithoutTheLibmIntrinsicsGivesTheSameBits() throws Exception {
        final String here = fingerprint();
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UnlockDiagnosticVMOptions", "-XX:-UseLibmIntrinsic", "-cp",
                System.getProperty("java.class.path"), SameBitsEverywhereTest.class.getName()));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        final String there = new String(p.getInputStream().readAllBytes());
        final String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the second JVM finished");
        assertEquals(0, p.exitValue(), err);
        assertEquals(here, there);
    }
}

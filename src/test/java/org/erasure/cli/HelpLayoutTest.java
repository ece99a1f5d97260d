package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;
import org.erasure.fixtures.Cli;
import org.junit.jupiter.api.Test;

/** Usage help keeps file names and configuration keys whole (picocli wraps after the '.' in "run.json"). */
class HelpLayoutTest {

    /** A word cut after '.', '/' or '_' at a line end, its rest starting the next line (a continuation: indented 7 or more, or not at all). */
    private static final Pattern CUT = Pattern.compile("[a-z0-9_]+[./_]\\n( {7,}|)[a-z][a-z0-9_]*[.,)]?");

    @Test
    void noIdentifierIsCutAcrossLines() {
        for (String command : new String[] {"", "simulate", "fokker-planck", "sweep", "merge", "plot", "optimize",
                "retention", "bench", "claims"}) {
            final Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
            assertEquals(0, r.code(), r.err());
            final var m = CUT.matcher(r.out());
            assertFalse(m.find(), () -> "'" + command + " --help' cuts '" + m.group() + "':\n" + r.out());
        }
    }

    @Test
    void mendingMovesTheFragmentAndLeavesSentencesAlone() {
        assertEquals("  --x   the figures and\n                   run.json.",
                WholeIdentifiers.mend("  --x   the figures and run.\n                   json."));
        // a sentence ending before a new entry of a list is not an identifier
        final String list = "  simulate       Monte Carlo of one configuration.\n  sweep          Runs a grid.";
        assertEquals(list, WholeIdentifiers.mend(list));
        // nor before a new paragraph, or a capital
        final String prose = "Writes DIR/summary.csv.\nThen more.";
        assertEquals(prose, WholeIdentifiers.mend(prose));
    }
}

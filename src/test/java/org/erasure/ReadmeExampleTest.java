package org.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Use from Java" example, compiled against the built classes and run, as a reader would. */
class ReadmeExampleTest {

    @TempDir
    Path tmp;

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        final String readme = Files.readString(Path.of("README.md"));
        final int section = readme.indexOf("## Use from Java");
        assertTrue(section >= 0, "README has a 'Use from Java' section");
        final Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(section), "the section holds a java block");
        final String source = m.group(1);
        final Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(cls.find());
        final Path file = tmp.resolve(cls.group(1) + ".java");
        Files.writeString(file, source);
        final String classes = Path.of(Erasure.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        final int rc = javac.run(null, null, diagnostics, "-classpath", classes, "-d", tmp.toString(), file.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass(cls.group(1)).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("MC: <W> = ") && out.contains("\nFP: <W> = "), out);
        // the two engines agree on the problem they were given (hold included): the FP eps after the hold
        // lies in the Monte Carlo interval printed beside it
        final Matcher ci = Pattern.compile("95% CI \\[([0-9.e-]+), ([0-9.e-]+)\\]").matcher(out);
        final Matcher eps = Pattern.compile("FP: .*eps = ([0-9.e-]+) ").matcher(out);
        assertTrue(ci.find() && eps.find(), out);
        final double e = Double.parseDouble(eps.group(1));
        assertTrue(Double.parseDouble(ci.group(1)) <= e && e <= Double.parseDouble(ci.group(2)), out);
        // the time-step error is printed, and the YAML configuration is read and run to its tolerance
        assertTrue(out.contains("(sampling) +- ") && out.contains("(time step) kT"), out);
        assertTrue(out.contains("one shape: MC ") && out.contains(": agree"), out);
        assertTrue(out.contains("quick.yaml: dt = ") && out.contains("time-step error within tolerance"), out);
    }
}

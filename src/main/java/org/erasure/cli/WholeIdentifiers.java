package org.erasure.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Keeps file names and configuration keys whole in the usage help. Picocli wraps text where the JDK's line
 * BreakIterator allows, which includes after the '.' or '/' inside "run.json", "configs/quick.yaml" or
 * "protocol.tau"; a reader copying one would copy half. Each wrapped section is mended after rendering: a line that
 * ends inside an identifier gives its last fragment to the next line.
 */
final class WholeIdentifiers {

    /** A line ending in a fragment cut after '.', '/', '_' or '-': the fragment is the last run of non-blanks. */
    private static final Pattern CUT = Pattern.compile("^(.*\\S)( +)(\\S*[A-Za-z0-9_][./_-])$");

    /** The start of the continued identifier on the next line, after its indentation. */
    private static final Pattern CONTINUED = Pattern.compile("^( *)([a-z0-9_${].*)$");

    /**
     * The least indentation of a continuation line in the option and command lists; their entries start at 2 to 6
     * spaces, so a line indented less is a new entry, not the rest of an identifier.
     */
    private static final int CONTINUATION_INDENT = 7;

    private WholeIdentifiers() {
    }

    /** Installs the mending renderer on the sections that wrap, for this command and its subcommands. */
    static void install(CommandLine cl) {
        final Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        for (String key : List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST)) {
            final CommandLine.IHelpSectionRenderer original = sections.get(key);
            if (original != null) {
                sections.put(key, help -> mend(original.render(help)));
            }
        }
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /** The text with every identifier cut at a line end joined onto the next line. */
    static String mend(String text) {
        final String[] lines = text.split("\n", -1);
        final List<String> out = new ArrayList<>(List.of(lines));
        for (int i = 0; i + 1 < out.size(); i++) {
            final Matcher cut = CUT.matcher(out.get(i));
            final Matcher next = CONTINUED.matcher(out.get(i + 1));
            final int indent = next.matches() ? next.group(1).length() : 0;
            // a continuation: deep in a list, or a paragraph of the description (no indentation on either line)
            final boolean continues = next.matches() && (indent >= CONTINUATION_INDENT
                    || indent == 0 && !out.get(i).startsWith(" "));
            if (cut.matches() && continues && !cut.group(3).endsWith("..")) {
                out.set(i, cut.group(1));
                out.set(i + 1, next.group(1) + cut.group(3) + next.group(2));
            }
        }
        return String.join("\n", out);
    }
}

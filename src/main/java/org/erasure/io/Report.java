package org.erasure.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report as a list of blocks (headings, paragraphs, tables, figures), rendered to Markdown and to a
 * self-contained HTML page (figures inline as base64 PNG) from the same blocks: neither is parsed
 * from the other. Paragraph text may hold `code` spans and **bold** spans.
 */
public final class Report {

    private sealed interface Block permits Heading, Paragraph, TableBlock, Figure {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record TableBlock(Table table) implements Block {
    }

    private record Figure(String file, String alt) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public Report heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    /** A heading and the paragraph under it. */
    public Report section(int level, String heading, String text) {
        return heading(level, heading).paragraph(text);
    }

    public Report paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public Report table(Table t) {
        blocks.add(new TableBlock(t));
        return this;
    }

    /** A PNG beside the report (its name relative to the report's folder). */
    public Report figure(String file, String alt) {
        blocks.add(new Figure(file, alt));
        return this;
    }

    public String markdown() {
        final StringBuilder md = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                md.append(p.text()).append("\n\n");
            } else if (b instanceof TableBlock t) {
                md.append(t.table().markdown()).append('\n');
            } else if (b instanceof Figure f) {
                md.append("![").append(f.alt()).append("](").append(f.file()).append(")\n\n");
            }
        }
        return md.toString();
    }

    /** @param dir the folder holding the figures' PNG files (missing ones are left out) */
    public String html(String title, Path dir) throws IOException {
        final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Table.escape(title)).append("</title><style>body{font-family:sans-serif;max-width:1100px;"
                        + "margin:2em auto;padding:0 1em;line-height:1.4}div.table{overflow-x:auto;margin:1em 0}"
                        + "table{border-collapse:collapse;font-size:0.85em}td,th{border:1px solid #bbb;padding:3px 6px;"
                        + "vertical-align:top}td:not(.num){min-width:16em}th{background:#eee;position:sticky;top:0}td.num{text-align:right;"
                        + "white-space:nowrap}img{max-width:100%}code{background:#f4f4f4}</style></head><body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading hd) {
                h.append("<h").append(hd.level()).append('>').append(inline(hd.text())).append("</h").append(hd.level())
                        .append(">\n");
            } else if (b instanceof Paragraph p) {
                h.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof TableBlock t) {
                h.append(t.table().html());
            } else if (b instanceof Figure f) {
                final Path png = dir.resolve(f.file());
                if (Files.exists(png)) {
                    h.append("<p><img alt=\"").append(Table.escape(f.alt())).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\"></p>\n");
                }
            }
        }
        return h.append("</body></html>\n").toString();
    }

    /** Escapes text and renders `code` and **bold** spans. */
    static String inline(String s) {
        final String e = Table.escape(s);
        return e.replaceAll("`([^`]*)`", "<code>$1</code>").replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
    }
}

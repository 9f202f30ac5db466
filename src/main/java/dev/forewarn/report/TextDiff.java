package dev.forewarn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-by-word comparison of the text of a report as written with the text of the same report
 * rendered again from the store, for {@code report --verify}: each run of words that differs
 * is one {@link Change}, named by the section it is in (the verdict, a finding's heading, the
 * track record, the appendix). A longest-common-subsequence diff over words; hand-written
 * because it is thirty lines and the project has no diff library.
 */
public final class TextDiff {

    /** Words of context shown before and after a change. */
    static final int CONTEXT = 4;
    /** Above this many cells the word table is not built (16 MB of ints). */
    static final long MAX_CELLS = 4_000_000L;

    /**
     * One differing run of words.
     *
     * @param section the heading of the part of the report it is in
     * @param was     the words as written in the file, with context
     * @param now     the words as rendered from the store, with the same context
     */
    public record Change(String section, String was, String now) {
        @Override
        public String toString() {
            return section + ": the file says \"" + was + "\", the store gives \"" + now + "\"";
        }
    }

    private TextDiff() {
    }

    /**
     * Every change from {@code written} to {@code expected}; {@code sections} are the headings of
     * the expected text in order (each a phrase as it appears in it), used to name where a change is.
     */
    public static List<Change> compare(List<String> written, List<String> expected, List<String> sections) {
        int n = written.size();
        int m = expected.size();
        // common prefix and suffix first: a forged figure leaves almost everything equal
        int pre = 0;
        while (pre < n && pre < m && written.get(pre).equals(expected.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < n - pre && suf < m - pre && written.get(n - 1 - suf).equals(expected.get(m - 1 - suf))) {
            suf++;
        }
        List<String> a = written.subList(pre, n - suf);
        List<String> b = expected.subList(pre, m - suf);
        int[] starts = sectionStarts(expected, sections);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            // texts this different (another version wrote it): name where they part, not every word
            int end = Math.min(m, pre + 2 * CONTEXT);
            return List.of(new Change(section(starts, sections, pre), join(written, Math.max(0, pre - CONTEXT), Math.min(n, pre + 2 * CONTEXT)) + " ...",
                    join(expected, Math.max(0, pre - CONTEXT), end) + " ..."));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Change> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while ((i < a.size() || j < b.size()) && !(i < a.size() && j < b.size() && a.get(i).equals(b.get(j)))) {
                if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            int at = pre + j0;
            String before = join(expected, Math.max(0, at - CONTEXT), at);
            String after = join(expected, pre + j, Math.min(m, pre + j + CONTEXT));
            out.add(new Change(section(starts, sections, at),
                    phrase(before, join(written, pre + i0, pre + i), after),
                    phrase(before, join(expected, at, pre + j), after)));
        }
        return out;
    }

    /** The headings of a report in reading order, as {@link #compare} takes them: the verdict, each finding, the track record, the appendix. */
    public static List<String> sections(Report r) {
        List<String> s = new ArrayList<>();
        s.add("Verdict");
        int n = 0;
        for (ReportItem i : r.items()) {
            n++;
            s.add(n + ". " + ReportText.headline(r, i.finding()));
        }
        s.add("Track record on this host");
        s.add("Appendix: the data behind this report");
        return s;
    }

    private static int[] sectionStarts(List<String> words, List<String> sections) {
        int[] starts = new int[sections.size()];
        int from = 0;
        for (int k = 0; k < sections.size(); k++) {
            List<String> h = VisibleText.words(sections.get(k));
            int found = -1;
            for (int p = from; p + h.size() <= words.size() && !h.isEmpty(); p++) {
                if (words.subList(p, p + h.size()).equals(h)) {
                    found = p;
                    break;
                }
            }
            starts[k] = found < 0 ? Integer.MAX_VALUE : found;
            if (found >= 0) {
                from = found + h.size();
            }
        }
        return starts;
    }

    private static String section(int[] starts, List<String> sections, int at) {
        String s = "the report's heading";
        for (int k = 0; k < starts.length; k++) {
            if (starts[k] <= at) {
                s = sections.get(k);
            }
        }
        return s;
    }

    private static String phrase(String before, String middle, String after) {
        StringBuilder b = new StringBuilder();
        for (String p : new String[] {before, middle.isEmpty() ? "(nothing)" : middle, after}) {
            if (!p.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(p);
            }
        }
        return b.toString();
    }

    private static String join(List<String> words, int from, int to) {
        return String.join(" ", words.subList(from, Math.max(from, to)));
    }
}

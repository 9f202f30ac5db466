package dev.forewarn.cli.shell;

import java.util.List;

/**
 * What {@code forewarn top} shows at one moment, already formatted for people: the data side
 * of the view, built from the store by {@link TopData} and drawn by {@link TopView}.
 *
 * @param atMillis   when the newest sample was taken, epoch milliseconds (0: none)
 * @param host       the host name
 * @param panels     the six panels, in {@link Panel.Kind} order
 * @param madeMillis when the snapshot was made, epoch milliseconds: the newest sample's age is the difference
 */
public record TopSnapshot(long atMillis, String host, List<Panel> panels, long madeMillis) {

    public TopSnapshot {
        panels = List.copyOf(panels);
    }

    /** A snapshot made when its newest sample was taken. */
    public TopSnapshot(long atMillis, String host, List<Panel> panels) {
        this(atMillis, host, panels, atMillis);
    }

    /** Six empty panels: what is shown before the first read of the store. */
    public static TopSnapshot empty(String host) {
        List<Panel> panels = new java.util.ArrayList<>();
        for (Panel.Kind k : Panel.Kind.values()) {
            panels.add(new Panel(k, List.of()));
        }
        return new TopSnapshot(0, host, panels);
    }

    /**
     * One panel: a title and its rows.
     *
     * @param kind which resource family
     * @param rows one per filesystem, disk, interface, or per figure (memory, CPU)
     */
    public record Panel(Kind kind, List<Row> rows) {

        /** The panels in screen order; the digit keys 1-6 select them. */
        public enum Kind {
            FILESYSTEMS("Filesystems"), MEMORY("Memory"), SWAP("Swap"), CPU("CPU / load"), DISKS("Disks"), NETWORK("Network");

            private final String title;

            Kind(String title) {
                this.title = title;
            }

            /** The title shown on screen. */
            public String title() {
                return title;
            }
        }

        public Panel {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row.
     *
     * @param label     what it is: a mount point, "used", "load1", a disk, an interface
     * @param value     the present value for people: "12.9 GB free of 50.0 GB", "r 1.2 MB/s w 30 kB/s"
     * @param usedRatio share in use 0..1 (the % column and the sort key), or NaN when none applies
     * @param history   recent values, oldest first, NaN where no sample fell (the sparkline)
     * @param eta       the projected exhaustion for people ("Sat 14 Mar", "in 5h", "no trend"), or "" when none applies
     * @param etaMillis the projected exhaustion, epoch milliseconds, or {@link Long#MAX_VALUE} when none (sorting)
     * @param urgent    the exhaustion is near enough to colour it (within a week)
     */
    public record Row(String label, String value, double usedRatio, double[] history, String eta, long etaMillis, boolean urgent) {
    }
}

package dev.forewarn.cli.shell;

/**
 * What the person at {@code top} has chosen: the focused panel, the sort order, the filter,
 * and whether a filter is being typed. Immutable; {@link #onKey(int)} gives the next state, so
 * key handling is tested without a terminal.
 *
 * @param focus   index of the focused panel, 0..5 (it gets the screen space first)
 * @param sort    row order within each panel
 * @param filter  rows whose label or value contains this (ignoring case) are shown; "" for all
 * @param editing a filter is being typed after '/'
 * @param draft   the filter as typed so far
 * @param quit    the person asked to leave
 */
record TopState(int focus, Sort sort, String filter, boolean editing, String draft, boolean quit) {

    /** Row order within a panel; 's' cycles through them. */
    enum Sort {
        NAME("name"), USE("use"), ETA("runs out");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        Sort next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    static final int PANELS = TopSnapshot.Panel.Kind.values().length;
    static final int CTRL_C = 3;
    static final int TAB = 9;
    static final int ESC = 27;
    static final int BACKSPACE = 127;

    /** Focus on filesystems, sorted by use, no filter. */
    static TopState initial() {
        return new TopState(0, Sort.USE, "", false, "", false);
    }

    /** The state after one key (a character code as the terminal sends it). */
    TopState onKey(int key) {
        if (key == CTRL_C) {
            return new TopState(focus, sort, filter, false, "", true);
        }
        if (editing) {
            return switch (key) {
                case '\r', '\n' -> new TopState(focus, sort, draft.strip(), false, "", false);
                case ESC -> new TopState(focus, sort, filter, false, "", false);
                case BACKSPACE, '\b' -> new TopState(focus, sort, filter, true,
                        draft.isEmpty() ? "" : draft.substring(0, draft.length() - 1), false);
                default -> key >= ' ' && key != BACKSPACE && draft.length() < 40
                        ? new TopState(focus, sort, filter, true, draft + (char) key, false) : this;
            };
        }
        return switch (key) {
            case 'q', 'Q' -> new TopState(focus, sort, filter, false, "", true);
            case TAB -> new TopState((focus + 1) % PANELS, sort, filter, false, "", false);
            case 's', 'S' -> new TopState(focus, sort.next(), filter, false, "", false);
            case '/' -> new TopState(focus, sort, filter, true, filter, false);
            case ESC -> new TopState(focus, sort, "", false, "", false);
            default -> key >= '1' && key < '1' + PANELS ? new TopState(key - '1', sort, filter, false, "", false) : this;
        };
    }
}

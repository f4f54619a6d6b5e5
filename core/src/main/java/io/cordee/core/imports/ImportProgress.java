package io.cordee.core.imports;

/** Where a running import reports how far it is, and asks whether it was cancelled. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void done(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void done(int done, int total);

    boolean cancelled();
}

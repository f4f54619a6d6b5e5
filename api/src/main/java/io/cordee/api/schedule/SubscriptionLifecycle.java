package io.cordee.api.schedule;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * A bean whose work is a subscription held while the application runs (a listener of the other instances'
 * notices): {@link #subscribe()} when the context starts, disposed when it stops, running while it lives.
 */
public abstract class SubscriptionLifecycle implements SmartLifecycle {

    private volatile Disposable running;

    /** Starts the work; what it returns is disposed on {@link #stop()}. */
    protected abstract Disposable subscribe();

    @Override
    public void start() {
        running = subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable d = running;
        return d != null && !d.isDisposed();
    }
}

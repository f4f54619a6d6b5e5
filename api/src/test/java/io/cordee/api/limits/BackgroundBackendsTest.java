package io.cordee.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.limits.BackgroundBackends.Backend;
import org.junit.jupiter.api.Test;

/**
 * ADR 94: a background connection's backend is reniced only when it is provably this connection's process on this
 * machine — never a process that merely has the same number.
 */
class BackgroundBackendsTest {

    @Test
    void aLoopbackBackendTitledWithThisConnectionsClientPortIsOurs() {
        Backend backend = new Backend(4242, "127.0.0.1", 51234);

        assertThat(BackgroundBackends.whyNot(backend, "postgres: cordee cordee 127.0.0.1(51234) idle")).isNull();
        // with a cluster name, and over IPv6 loopback
        assertThat(BackgroundBackends.whyNot(new Backend(4242, "::1", 51234),
                "postgres: main: cordee cordee ::1(51234) SELECT")).isNull();
    }

    @Test
    void anythingElseKeepsTheNormalPriority() {
        Backend backend = new Backend(4242, "127.0.0.1", 51234);

        assertThat(BackgroundBackends.whyNot(new Backend(4242, null, -1), "postgres: cordee cordee [local] idle"))
                .isEqualTo("connected over a Unix socket");
        assertThat(BackgroundBackends.whyNot(new Backend(4242, "10.0.3.7", 51234),
                "postgres: cordee cordee 127.0.0.1(51234) idle"))
                .isEqualTo("the database is on another host (10.0.3.7)");
        // loopback, but the number is no process here: the database is in another container sharing the network
        assertThat(BackgroundBackends.whyNot(backend, null))
                .isEqualTo("its process 4242 is not visible here (another container?)");
        // a process of that number here that is not PostgreSQL, or another connection's backend
        assertThat(BackgroundBackends.whyNot(backend, "/usr/bin/java -jar cordee.jar"))
                .isEqualTo("process 4242 here is not the backend of this connection");
        assertThat(BackgroundBackends.whyNot(backend, "postgres: cordee cordee 127.0.0.1(51235) idle"))
                .isEqualTo("process 4242 here is not the backend of this connection");
    }
}

package io.cordee.persistence.common;

import io.cordee.core.common.Actor;
import io.cordee.core.common.TransactionRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Component
public class R2dbcTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;
    private final TransactionalOperator snapshot;
    private final DatabaseClient db;

    public R2dbcTransactionRunner(ReactiveTransactionManager transactionManager, DatabaseClient db) {
        this.operator = TransactionalOperator.create(transactionManager);
        org.springframework.transaction.support.DefaultTransactionDefinition readOnly =
                new org.springframework.transaction.support.DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot = TransactionalOperator.create(transactionManager, readOnly);
        this.db = db;
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(work);
    }

    /**
     * The actor goes into transaction-local settings (gone at commit or rollback, so a pooled connection
     * never carries it to the next transaction), where the audit triggers of V11 read it.
     */
    @Override
    public <T> Mono<T> inTransactionAs(Actor actor, Mono<T> work) {
        Mono<Void> setActor = db.sql("SELECT set_config('cordee.actor_user', :user, true),"
                        + " set_config('cordee.actor_token', :token, true),"
                        + " set_config('cordee.request_id', :request, true),"
                        + " set_config('cordee.operation', :operation, true)")
                .bind("user", actor.userId().value().toString())
                .bind("token", actor.tokenId() == null ? "" : actor.tokenId().toString())
                .bind("request", actor.requestId() == null ? "" : actor.requestId())
                .bind("operation", actor.operation() == null ? "" : actor.operation())
                .then();
        return operator.transactional(setActor.then(work));
    }

    @Override
    public <T> Mono<T> inReadOnlySnapshot(Mono<T> work) {
        return snapshot.transactional(work);
    }
}

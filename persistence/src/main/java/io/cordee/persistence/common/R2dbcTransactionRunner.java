package io.cordee.persistence.common;

import io.cordee.core.common.TransactionRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Component
public class R2dbcTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;

    public R2dbcTransactionRunner(ReactiveTransactionManager transactionManager) {
        this.operator = TransactionalOperator.create(transactionManager);
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(work);
    }
}

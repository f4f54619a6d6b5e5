package io.cordee.persistence.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.cordee.core.common.IdGenerator;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Time-ordered UUID v7 ids (RFC 9562): new rows land at the end of the primary-key index. */
@Component
public class UuidV7IdGenerator implements IdGenerator {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public UUID newId() {
        return generator.generate();
    }
}

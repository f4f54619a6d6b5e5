package io.cordee;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Cordée: client relationships and cash for agencies. Sits in {@code io.cordee} so scanning covers every module. */
@SpringBootApplication
public class CordeeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CordeeApplication.class, args);
    }
}

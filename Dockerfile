# syntax=docker/dockerfile:1
# Build: the whole reactor with the Maven wrapper (tests run in CI, not in the image build). Maven's repository is
# a BuildKit cache, so a rebuild downloads nothing. The embedded PostgreSQL binaries are those of the build's
# platform (ADR 32): linux-amd64, or linux-arm64v8 on an ARM builder; the image itself uses the compose database.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY core/pom.xml core/
COPY persistence/pom.xml persistence/
COPY web-client/pom.xml web-client/
COPY api/pom.xml api/
COPY core/src core/src
COPY persistence/src persistence/src
COPY web-client/src web-client/src
COPY api/src api/src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
    && java -Djarmode=tools -jar api/target/cordee-api-0.1.0-SNAPSHOT.jar extract --layers --launcher --destination /layers

# Run: a JRE and the application's layers, as an unprivileged user. Spring Boot's layers, least changing first:
# a code change rebuilds only the last one (about 3 MB), the 65 MB of dependencies stay cached and pulled once.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home cordee
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER cordee
# prod profile (ADR 18): JSON logs. The public port 8080 serves the app and the probes /livez and /readyz;
# the actuator (health details, /actuator/prometheus, /actuator/info) is on 8081 (ADR 26), opened beyond
# loopback inside the container for the orchestrator and the scraper: never publish 8081 to the internet.
ENV SPRING_PROFILES_ACTIVE=prod
ENV CORDEE_MANAGEMENT_ADDRESS=0.0.0.0
EXPOSE 8080 8081
# Ready = the process and PostgreSQL (/readyz, ADR 18); bash's /dev/tcp, since the JRE image has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'
# Memory (ADR 50): the heap is half the container's limit (live heap under load is tens of MB; the rest of the
# limit holds direct buffers, metaspace, code cache and threads; with a limit, JAVA_TOOL_OPTIONS=
# -XX:InitialRAMPercentage=50 takes it whole from the start, ADR 98), Netty's direct buffers are capped at 128 MB
# (Netty takes its own limit from MaxDirectMemorySize), and the process stops on OutOfMemoryError so the
# orchestrator restarts it. For a 768 MB limit: 384 MB heap + 128 MB direct + about 150 MB of the rest.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:MaxDirectMemorySize=128m", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

# Build: the whole reactor with the Maven wrapper (tests run in CI, not in the image build).
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
RUN ./mvnw -B -q -DskipTests package

# Run: a JRE and the application jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home cordee
WORKDIR /app
COPY --from=build /src/api/target/cordee-api-0.1.0-SNAPSHOT.jar /app/cordee.jar
USER cordee
# prod profile (ADR 18): JSON logs. The public port 8080 serves the app and the probes /livez and /readyz;
# the actuator (health details, /actuator/prometheus, /actuator/info) is on 8081 (ADR 26), opened beyond
# loopback inside the container for the orchestrator and the scraper: never publish 8081 to the internet.
ENV SPRING_PROFILES_ACTIVE=prod
ENV CORDEE_MANAGEMENT_ADDRESS=0.0.0.0
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/cordee.jar"]

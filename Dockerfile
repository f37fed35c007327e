# Builds the executable jar with the Maven wrapper, then runs it on a JRE as a non-root user.
# One image serves every command: `worker` (the production worker), `sandbox`, `broker`, `dev`.
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY schemas schemas
COPY src src
RUN ./mvnw -B -q -DskipTests package \
    && cp target/account-provisioner.jar /account-provisioner.jar

FROM eclipse-temurin:17-jre-jammy
# curl serves the health checks of docker-compose.yml
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 provisioner \
    && useradd --system --uid 10001 --gid provisioner --no-create-home provisioner
WORKDIR /app
COPY --from=build /account-provisioner.jar /app/account-provisioner.jar
USER 10001:10001
# 8081: the worker's management port (health, metrics); 8090: the sandbox
EXPOSE 8081 8090
ENTRYPOINT ["java","-jar","/app/account-provisioner.jar"]
CMD ["--help"]

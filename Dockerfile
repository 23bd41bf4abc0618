# invgov application image. Build the jar first: ./mvnw -Pproduction -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/invgov invgov && mkdir -p /var/lib/invgov && chown invgov /var/lib/invgov
WORKDIR /var/lib/invgov
COPY target/invgov-*.jar /opt/invgov/invgov.jar
USER invgov
EXPOSE 8080
ENV JAVA_OPTS="-Xmx1g"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/invgov/invgov.jar"]

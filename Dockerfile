# The tutor as a ready lab room:
#   mvn -q package -DskipTests && docker build -t shellcamp .
#   docker run -it --rm -v /var/run/docker.sock:/var/run/docker.sock shellcamp
# It is also the image of a class's sandboxes (`shellcamp class serve --sandbox docker`), which run
# it as the unprivileged user learner (uid 1000) with their home on a volume of their own.
# BASE is a build argument because no registry may be reachable (a classroom behind a
# firewall, CI): scripts/make-base-image makes a Debian base locally with debootstrap.
ARG BASE=debian:bookworm-slim
FROM ${BASE}

ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 TERM=xterm-256color
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      openjdk-17-jdk-headless bash coreutils procps iproute2 iputils-ping curl ca-certificates \
      python3 python3-venv vim less man-db tree file tmux busybox-static docker.io git \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 --shell /bin/bash learner

COPY target/shellcamp.jar /opt/shellcamp/shellcamp.jar
COPY lessons /opt/shellcamp/lessons
COPY scripts/container-shellcamp /usr/local/bin/shellcamp

WORKDIR /root
ENTRYPOINT ["shellcamp"]

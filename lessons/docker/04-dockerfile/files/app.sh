#!/bin/sh
# greet: a tiny app to ship in an image. GREETING comes from the environment.
echo "${GREETING:-(GREETING is not set)}! I am app.sh, running in a container."
echo "working directory: $(pwd)"

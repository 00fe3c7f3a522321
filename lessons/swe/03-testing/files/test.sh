#!/bin/bash
# Compiles Calc (./Calc.java, or the file given as $1), Check and CalcTest into out/, then runs the tests.
set -e
calc=${1:-Calc.java}
rm -rf out
javac -d out "$calc" Check.java CalcTest.java
java -cp out CalcTest

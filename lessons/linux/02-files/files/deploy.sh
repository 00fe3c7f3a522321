#!/bin/bash
echo "Deploying the camp website..."

#!/bin/sh
# Shows where it runs: the project is mounted at /workspace inside a fresh container.
echo "$GREETING"
echo "working directory: $(pwd)"
echo "image says: $(cat /etc/motd)"
echo "hostname: $(hostname)"

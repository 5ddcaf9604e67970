#!/bin/sh
# Talks to both services by name: iso waited until their ports accepted connections.
set -e
echo "redis says: $(redis-cli -h redis ping)"
echo "postgres says: $(psql -h postgres -U postgres -tAc 'select version()' | cut -d' ' -f1-2)"

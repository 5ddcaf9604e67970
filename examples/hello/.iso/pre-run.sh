#!/bin/sh
echo "pre-run: preparing in $(pwd)" >&2

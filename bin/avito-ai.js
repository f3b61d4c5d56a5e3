#!/bin/sh
':' //; exec node -- "$0" "$@"
// Line 2 is for sh, a string and a comment for Node. Node takes an `--env-file` anywhere before a `--` for its own
// flag (nodejs/node#54232): it exits 9 on a missing file before our code can say so. `--` leaves the flag to us.
import '../dist/cli/main.js';

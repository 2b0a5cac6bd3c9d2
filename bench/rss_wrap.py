"""Run a command and print its peak RSS (KiB) to fd 3's file: `rss_wrap.py OUTFILE CMD...`.

A child forked from the (large) benchmark process inherits its high-water mark, so memory is
measured through this small launcher instead.
"""

import os
import sys

out, argv = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execvp(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
with open(out, "w") as handle:
    handle.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))

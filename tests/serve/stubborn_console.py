"""A console that never quits: says it is ready, then ignores "quit" and SIGTERM alike."""

import signal
import sys
import time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
sys.stdout.write("__GANGLION__\n")
sys.stdout.flush()
while True:
    time.sleep(60)

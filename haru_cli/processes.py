"""What haru may share out among processes: the cores it may run on, and whether it may fork now."""

from __future__ import annotations

import os
import threading


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def may_fork() -> bool:
    """Whether a forked process could share work now: a system that forks, more than one core, and no other
    thread (a thread's locks would be held for ever in the child)."""
    return hasattr(os, "fork") and cores() > 1 and threading.active_count() == 1

"""The libraries' own environment variables, set once, before any of them is imported.

Every entry point (the CLI, the flow, the deployment server) imports this module first; the
code below flows/ reads no environment (its settings come from tasks/config.py, passed in).
``setdefault``: a variable the user set wins.
"""
import os

LIBRARY_DEFAULTS = {
    # no usage statistics leave the machine
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    # a busy machine starts Prefect's temporary API in more than its 20 s; a scheduled run
    # should wait for it rather than fail
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # we import pandera.pandas; the warning is about the bare `pandera` import
    "DISABLE_PANDERA_IMPORT_WARNING": "True",
}

for _name, _value in LIBRARY_DEFAULTS.items():
    os.environ.setdefault(_name, _value)
